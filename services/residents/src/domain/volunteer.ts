import { badUserInput, requireText } from '@civic/service-kit';

/** A volunteer's skills are short labels, each once; skill filters match them exactly. */
export const MAX_SKILLS = 20;
export const SKILL_MAX_LENGTH = 20;
export const MAX_VOLUNTEER_TEAMS = 10;

export function normaliseSkill(field: string, raw: string): string {
  return requireText(field, raw.normalize('NFKC').replace(/\s+/g, ' '), { max: SKILL_MAX_LENGTH });
}

export function normaliseSkills(raw: readonly string[]): string[] {
  const skills = [...new Set(raw.map((skill) => normaliseSkill('skills', skill)))];
  if (skills.length > MAX_SKILLS) throw badUserInput('skills', `must list at most ${MAX_SKILLS} skills`);
  return skills;
}

export function requireTeamCount(teamIds: readonly string[]): void {
  if (new Set(teamIds).size > MAX_VOLUNTEER_TEAMS) throw badUserInput('teamIds', `must list at most ${MAX_VOLUNTEER_TEAMS} teams`);
}
