import { idOf, invalidTransition, isDuplicateKeyError, readsAsAnalyst, requireSignedIn, staffCovers, requireStaffCovering, paginate, parseId } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { BY_NAME } from '../loaders.ts';
import { residentListQuery } from '../inputs/resident-filter.ts';
import type { ResidentDocument } from '../models/index.ts';
import { chinaYear } from '../domain/china-time.ts';
import { changedFacts, registrationFacts, SELF_EDITABLE_FACTS, updatedFacts } from '../domain/personal-facts.ts';
import { isDecision, REAL_NAME_TRANSITIONS } from '../domain/real-name.ts';
import { factsOf, saveFacts } from '../persistence/personal-facts.ts';
import { loadHousehold, loadOpenResident } from './access.ts';
import {
  changeOwnFact,
  decideVerificationOutOfScope,
  idNumberTaken,
  moveIntoHouseholdOutOfScope,
  moveResidentOutOfScope,
  nothingToVerify,
  readResidentAsAnalyst,
  registerResidentOutOfScope,
  residentGone,
  submitAnotherResidentsVerification,
  updateAnotherResident,
} from '../errors.ts';

/**
 * Who may:
 * - registerResident, moveResidentToHousehold: staff whose scope covers the household(s);
 * - updateResident: staff covering the resident; the resident themself may change the phone only;
 * - verifyRealName: SUBMIT by the resident or covering staff; APPROVE and REJECT by covering staff.
 */

async function saving<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw idNumberTaken();
    throw error;
  }
}

/** Anonymous callers get UNAUTHENTICATED for any resident data, analysts FORBIDDEN; other callers see facts masked as fits. */
export const residentQueries: QueryResolvers = {
  me: (_parent, _args, context) => {
    requireSignedIn(context.viewer);
    return context.viewer.residentId ? context.loaders.resident.load(context.viewer.residentId) : null;
  },
  resident: (_parent, { id }, context) => {
    requireSignedIn(context.viewer);
    if (readsAsAnalyst(context.viewer)) throw readResidentAsAnalyst();
    parseId('id', id);
    return context.loaders.resident.load(id);
  },
  residents: (_parent, { filter, first, after }, context) =>
    paginate(context.models.Resident, residentListQuery(context.viewer, filter), { first, after }, BY_NAME),
};

export const residentMutations: MutationResolvers = {
  registerResident: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    const now = context.clock.now();
    const facts = registrationFacts(input, chinaYear(now));
    const household = await loadHousehold(context, 'householdId', input.householdId);
    requireStaffCovering(context.viewer, household.organisationPath, registerResidentOutOfScope);
    const { idNumber, ...rest } = facts;
    const created = await saving(
      context.models.Resident.create({
        ...rest,
        ...(idNumber === null ? {} : { idNumber }),
        verificationStatus: 'UNVERIFIED',
        householdId: household._id,
        gridId: household.gridId,
        communityId: household.communityId,
        organisationPath: household.organisationPath,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return created.toObject() as ResidentDocument;
  },

  updateResident: async (_parent, { input: { id, ...changes } }, context) => {
    requireSignedIn(context.viewer);
    const resident = await loadOpenResident(context, 'id', id, 'UPDATE');
    const now = context.clock.now();
    const before = factsOf(resident);
    const after = updatedFacts(before, changes, chinaYear(now));
    const changed = changedFacts(before, after);
    if (!staffCovers(context.viewer, resident.organisationPath)) {
      if (context.viewer.residentId !== id) throw updateAnotherResident();
      const refused = changed.find((fact) => !SELF_EDITABLE_FACTS.includes(fact));
      if (refused) throw changeOwnFact(refused);
    }
    return saveFacts(context.models, resident, after, changed, now, 'id');
  },

  moveResidentToHousehold: async (_parent, { residentId, householdId }, context) => {
    requireSignedIn(context.viewer);
    const resident = await loadOpenResident(context, 'residentId', residentId, 'MOVE');
    const household = await loadHousehold(context, 'householdId', householdId);
    requireStaffCovering(context.viewer, resident.organisationPath, moveResidentOutOfScope);
    requireStaffCovering(context.viewer, household.organisationPath, moveIntoHouseholdOutOfScope);
    if (resident.householdId?.equals(household._id)) return resident;
    const moved = await context.models.Resident.findOneAndUpdate(
      { _id: resident._id },
      {
        $set: {
          householdId: household._id,
          gridId: household.gridId,
          communityId: household.communityId,
          organisationPath: household.organisationPath,
          updatedAt: context.clock.now(),
        },
      },
      { returnDocument: 'after' },
    ).lean<ResidentDocument>();
    if (!moved) throw residentGone('residentId');
    return moved;
  },

  verifyRealName: async (_parent, { residentId, action }, context) => {
    requireSignedIn(context.viewer);
    const resident = await loadOpenResident(context, 'residentId', residentId, action);
    const isSelf = context.viewer.residentId === idOf(resident);
    if (!staffCovers(context.viewer, resident.organisationPath) && (isDecision(action) || !isSelf)) {
      throw isDecision(action) ? decideVerificationOutOfScope() : submitAnotherResidentsVerification();
    }
    if (action === 'SUBMIT' && resident.idNumber === undefined) throw nothingToVerify();
    const { from, to } = REAL_NAME_TRANSITIONS[action];
    // The status in the filter makes the transition one atomic conditional update: of two racing
    // decisions, one wins.
    const updated = await context.models.Resident.findOneAndUpdate(
      { _id: resident._id, verificationStatus: from },
      { $set: { verificationStatus: to, updatedAt: context.clock.now() } },
      { returnDocument: 'after' },
    ).lean<ResidentDocument>();
    if (updated) return updated;
    const current = await context.models.Resident.findById(resident._id, { verificationStatus: 1 }).lean();
    throw invalidTransition('Resident', current?.verificationStatus ?? resident.verificationStatus, action);
  },
};
