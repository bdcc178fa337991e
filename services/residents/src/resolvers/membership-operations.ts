import { idOf, parseId, parseIds, requireSignedIn, staffCovers, requireStaffCovering } from '@civic/service-kit';
import type { GraphQLError } from 'graphql';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import type { ResidentDocument } from '../models/index.ts';
import type { Context } from '../context.ts';
import { requireMembershipSince } from '../domain/party-membership.ts';
import { normaliseSkills, requireTeamCount } from '../domain/volunteer.ts';
import { fetchOrganisations } from '../graph/organisations.ts';
import { loadOpenResident } from './access.ts';
import {
  coreMemberStillPaired,
  memberStillPaired,
  notAPartyBranch,
  notAVolunteerTeam,
  residentGone,
  setAnotherVolunteerProfile,
  setMembershipOutOfScope,
} from '../errors.ts';

/**
 * Who may:
 * - setPartyMembership: staff whose scope covers the resident (the branch may lie elsewhere, as
 *   for members who serve where they live);
 * - setVolunteerProfile: the resident themself, or staff covering the resident.
 */

/** Organisations must exist and be of the expected kind; organisations is asked through the graph. */
async function requireOrganisationsOfKind(context: Context, ids: readonly string[], kind: string, refusal: (id: string) => GraphQLError) {
  const found = await fetchOrganisations(context.graph, ids);
  for (const id of ids) {
    if (found.get(id)?.kind !== kind) throw refusal(id);
  }
}

/**
 * A resident in a pairing keeps the standing the pairing needs: a core member with members stays
 * a core member, a paired member or a member with households stays an ordinary member.
 */
async function requireStandingKeepsPairings(context: Context, resident: ResidentDocument, core: boolean | null): Promise<void> {
  const id = idOf(resident);
  const [led, [ledBy], households] = await Promise.all([
    context.loaders.memberPairingsByCoreMember.load(id),
    context.loaders.memberPairingByMember.load(id),
    context.loaders.householdPairingsByMember.load(id),
  ]);
  if (led.length > 0 && core !== true) throw coreMemberStillPaired();
  if ((ledBy || households.length > 0) && core !== false) throw memberStillPaired();
}

function saved(resident: ResidentDocument | null, field: string): ResidentDocument {
  if (!resident) throw residentGone(field);
  return resident;
}

export const membershipMutations: MutationResolvers = {
  setPartyMembership: async (_parent, { residentId, membership }, context) => {
    requireSignedIn(context.viewer);
    const resident = await loadOpenResident(context, 'residentId', residentId, 'SET_PARTY_MEMBERSHIP');
    requireStaffCovering(context.viewer, resident.organisationPath, setMembershipOutOfScope);
    const now = context.clock.now();
    if (!membership) {
      await requireStandingKeepsPairings(context, resident, null);
      const updated = await context.models.Resident.findOneAndUpdate(
        { _id: resident._id },
        { $unset: { partyMembership: 1 }, $set: { updatedAt: now } },
        { returnDocument: 'after' },
      ).lean<ResidentDocument>();
      return saved(updated, 'residentId');
    }
    const branchId = parseId('branchId', membership.branchId);
    const core = membership.core ?? false;
    const since = requireMembershipSince(membership.since, resident.birthYear, now);
    await requireOrganisationsOfKind(context, [membership.branchId], 'PARTY_BRANCH', notAPartyBranch);
    await requireStandingKeepsPairings(context, resident, core);
    const updated = await context.models.Resident.findOneAndUpdate(
      { _id: resident._id },
      { $set: { partyMembership: { branchId, kind: membership.kind, since, core }, updatedAt: now } },
      { returnDocument: 'after' },
    ).lean<ResidentDocument>();
    return saved(updated, 'residentId');
  },

  setVolunteerProfile: async (_parent, { residentId, profile }, context) => {
    requireSignedIn(context.viewer);
    const resident = await loadOpenResident(context, 'residentId', residentId, 'SET_VOLUNTEER_PROFILE');
    if (context.viewer.residentId !== residentId && !staffCovers(context.viewer, resident.organisationPath)) {
      throw setAnotherVolunteerProfile();
    }
    const now = context.clock.now();
    if (!profile) {
      const updated = await context.models.Resident.findOneAndUpdate(
        { _id: resident._id },
        { $unset: { volunteerProfile: 1 }, $set: { updatedAt: now } },
        { returnDocument: 'after' },
      ).lean<ResidentDocument>();
      return saved(updated, 'residentId');
    }
    const skills = normaliseSkills(profile.skills);
    const teamIdStrings = [...new Set(profile.teamIds)];
    const teamIds = parseIds('teamIds', teamIdStrings);
    requireTeamCount(teamIdStrings);
    if (teamIdStrings.length > 0) await requireOrganisationsOfKind(context, teamIdStrings, 'VOLUNTEER_TEAM', notAVolunteerTeam);
    const since = resident.volunteerProfile?.since ?? now;
    const updated = await context.models.Resident.findOneAndUpdate(
      { _id: resident._id },
      { $set: { volunteerProfile: { skills, teamIds, since }, updatedAt: now } },
      { returnDocument: 'after' },
    ).lean<ResidentDocument>();
    return saved(updated, 'residentId');
  },
};
