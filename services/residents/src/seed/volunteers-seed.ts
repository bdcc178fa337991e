import type { ResidentDocument } from '../models/index.ts';
import { normaliseSkills, requireTeamCount } from '../domain/volunteer.ts';
import { ageOf, chinaTime, fixedDateBetween, REFERENCE_DATE, type CommunityOrganisations, type Random, type StreetOrganisations } from '@civic/seed-kit';
import { POPULATION } from './population.ts';
import { VOLUNTEER_SKILLS } from './text/civic-text.ts';

const YOUNGEST_VOLUNTEER = 14;
const OLDEST_VOLUNTEER = 78;

/** Volunteers (志愿者) with one to three skills, most in one of their community's teams. */
export function enrolVolunteers(residents: readonly ResidentDocument[], community: CommunityOrganisations, street: StreetOrganisations, random: Random): ResidentDocument[] {
  const volunteers: ResidentDocument[] = [];
  for (const resident of residents) {
    const age = ageOf(resident);
    if (age < YOUNGEST_VOLUNTEER || age > OLDEST_VOLUNTEER || !random.chance(POPULATION.volunteerRate)) continue;
    const skills = normaliseSkills(random.sample(VOLUNTEER_SKILLS, random.weighted([[1, 5], [2, 3], [3, 2]] as const)));
    const teams = random.weighted([
      [[], 1],
      [random.sample(community.volunteerTeams, 1), 6],
      [community.volunteerTeams, 2],
      [[...random.sample(community.volunteerTeams, 1), street.volunteerTeam], 1],
    ] as const);
    const teamIds = teams.map((team) => team._id);
    requireTeamCount(teamIds.map((id) => id.toHexString()));
    resident.volunteerProfile = { skills, teamIds, since: fixedDateBetween(random, chinaTime(2019, 1, 1), REFERENCE_DATE) };
    volunteers.push(resident);
  }
  return volunteers;
}
