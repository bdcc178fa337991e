import type { ResidentDocument } from '../../../services/residents/src/models/index.ts';
import { normaliseSkills, requireTeamCount } from '../../../services/residents/src/domain/volunteer.ts';
import type { CommunityOrganisations, StreetOrganisations } from './organisations-seed.ts';
import { POPULATION } from './plan.ts';
import type { Random } from './random.ts';
import { ageOf } from './residents-seed.ts';
import { VOLUNTEER_SKILLS } from './text/civic-text.ts';
import { chinaTime, fixedDateBetween, REFERENCE_DATE } from './timeline.ts';

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
