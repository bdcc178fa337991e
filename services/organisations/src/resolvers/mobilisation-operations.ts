import { Types } from 'mongoose';
import { invalidInput, loadForInput, loadReferenced, loadTarget, objectIdsOf, parseId, requireSignedIn, requireStaffCovering, requireText, sweepSubtree } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import type { MobilisationDocument } from '../models/mobilisation.ts';
import { isLowestLevel } from '../domain/grid-tree.ts';
import { deadlineOf, deadlineViolation, isActive, MAX_REASON_LENGTH, MAX_VISIT_NOTE_LENGTH, visitTimeViolation } from '../domain/mobilisation-rules.ts';
import { mayReadMobilisation, requireMobilisationReader, MOBILISATION_SWEEP_REFUSALS, requireMobilisationVisitor } from '../authorisation.ts';
import { householdsOfGrid } from '../graph/residents.ts';
import { closeMobilisation, recordVisit, startMobilisation } from '../persistence/mobilisations.ts';
import { sweepMobilisations } from '../jobs/mobilisation-sweep.ts';
import {
  closeMobilisationOutOfScope,
  gridWithoutHouseholds,
  householdNotInMobilisation,
  mobilisationNotActive,
  notAMicroGrid,
  readMobilisationOutOfScope,
  recordVisitOutOfScope,
  startMobilisationOutOfScope,
  sweepInTheFuture,
} from '../errors.ts';
import type { Context } from '../context.ts';

export const mobilisationQueries: QueryResolvers = {
  mobilisation: async (_parent, { id }, context) => {
    const mobilisation = await context.loaders.mobilisation.load(id);
    if (!mobilisation) return null;
    const grid = await loadReferenced(context.loaders.grid, mobilisation.gridId, 'Grid');
    requireMobilisationReader(context.viewer, grid, readMobilisationOutOfScope);
    return mobilisation;
  },
};

export const mobilisationMutations: MutationResolvers = {
  startMobilisation: async (_parent, { input }, { viewer, models, loaders, graph, clock }) => {
    requireSignedIn(viewer);
    const grid = await loadForInput(loaders.grid, 'gridId', input.gridId, 'grid');
    requireStaffCovering(viewer, grid.organisationPath, startMobilisationOutOfScope);
    if (!isLowestLevel(grid.level)) throw notAMicroGrid(grid.level);
    const reason = requireText('reason', input.reason, { max: MAX_REASON_LENGTH });
    const startedAt = clock.now();
    const deadline = deadlineOf(startedAt, input.deadline ?? null);
    const late = deadlineViolation(startedAt, deadline);
    if (late) throw invalidInput(late);

    // The fixed list to reach: the grid's households as their department lists them now.
    const householdIds = (await householdsOfGrid(graph, grid._id.toHexString())).map((id) => new Types.ObjectId(id));
    if (householdIds.length === 0) throw gridWithoutHouseholds();
    const mobilisation: MobilisationDocument = {
      _id: new Types.ObjectId(),
      gridId: grid._id,
      communityId: grid.communityId,
      organisationPath: grid.organisationPath,
      reason,
      startedAt,
      deadline,
      householdIds,
      standings: [],
      status: 'OPEN',
      activeGridId: grid._id,
      completedAt: null,
      overdueAt: null,
      closedAt: null,
    };
    return startMobilisation(models, mobilisation);
  },

  recordHouseholdVisit: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const mobilisation = await loadForInput(loaders.mobilisation, 'mobilisationId', input.mobilisationId, 'mobilisation');
    const grid = await loadReferenced(loaders.grid, mobilisation.gridId, 'Grid');
    requireMobilisationVisitor(viewer, grid, recordVisitOutOfScope);
    if (!isActive(mobilisation.status)) throw mobilisationNotActive(mobilisation.status, 'recordHouseholdVisit');
    const householdId = parseId('householdId', input.householdId);
    if (!mobilisation.householdIds.some((id) => id.equals(householdId))) throw householdNotInMobilisation();
    const now = clock.now();
    const at = input.at ?? now;
    const mistimed = visitTimeViolation(mobilisation.startedAt, at, now);
    if (mistimed) throw invalidInput(mistimed);
    const note = input.note == null ? null : requireText('note', input.note, { max: MAX_VISIT_NOTE_LENGTH });
    // The visitor as a resident; a staff account that names no resident records none.
    const [recordedById = null] = objectIdsOf(viewer.residentId ? [viewer.residentId] : []);
    return recordVisit(models, mobilisation._id, { householdId, outcome: input.outcome, at, note, recordedById }, now);
  },

  closeMobilisation: async (_parent, { id }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const mobilisation = await loadTarget(loaders.mobilisation, id, 'Mobilisation');
    requireStaffCovering(viewer, mobilisation.organisationPath, closeMobilisationOutOfScope);
    return closeMobilisation(models, mobilisation._id, clock.now());
  },

  runMobilisationSweep: async (_parent, { at, organisationId }, { viewer, models, loaders, clock }) => {
    const subtree = await sweepSubtree(viewer, organisationId, async (id) => (await loaders.organisation.load(id))?.path ?? null, MOBILISATION_SWEEP_REFUSALS);
    const now = clock.now();
    if (at && at.getTime() > now.getTime()) throw sweepInTheFuture();
    return sweepMobilisations(models, at ?? now, subtree);
  },
};

/** A Mobilisation entity for the gateway (a notification's reference): null for a caller who may not read it. */
export async function mobilisationForReference(id: string, context: Context): Promise<MobilisationDocument | null> {
  const mobilisation = await context.loaders.mobilisation.load(id);
  if (!mobilisation) return null;
  const grid = await loadReferenced(context.loaders.grid, mobilisation.gridId, 'Grid');
  return mayReadMobilisation(context.viewer, grid) ? mobilisation : null;
}
