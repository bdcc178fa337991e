import { requireText } from '@civic/service-kit';
import { tooManySkills, tooManyVolunteerTeams } from '../errors.ts';

/** A volunteer's skills are short labels, each once; skill filters match them exactly. */
export const MAX_SKILLS = 20;
export const SKILL_MAX_LENGTH = 20;
export const MAX_VOLUNTEER_TEAMS = 10;

export function normaliseSkill(field: string, raw: string): string {
  return requireText(field, raw.normalize('NFKC').replace(/\s+/g, ' '), { max: SKILL_MAX_LENGTH });
}

export function normaliseSkills(raw: readonly string[]): string[] {
  const skills = [...new Set(raw.map((skill) => normaliseSkill('skills', skill)))];
  if (skills.length > MAX_SKILLS) throw tooManySkills();
  return skills;
}

export function requireTeamCount(teamIds: readonly string[]): void {
  if (new Set(teamIds).size > MAX_VOLUNTEER_TEAMS) throw tooManyVolunteerTeams();
}
