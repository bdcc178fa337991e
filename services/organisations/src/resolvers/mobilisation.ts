import { idOf, loadReferenced } from '@civic/service-kit';
import type { HouseholdVisitResolvers, MobilisationResolvers } from '../generated/resolvers-types.ts';
import { coverageOf } from '../domain/mobilisation-rules.ts';
import { mobilisationForReference } from './mobilisation-operations.ts';

/** Read only once the mobilisation itself was let through (mobilisation(id), Grid.mobilisations, a reference). */
export const Mobilisation: MobilisationResolvers = {
  __resolveReference: (reference, context) => mobilisationForReference(reference.id, context),
  id: idOf,
  grid: (mobilisation, _args, { loaders }) => loadReferenced(loaders.grid, mobilisation.gridId, 'Grid'),
  community: (mobilisation, _args, { loaders }) => loadReferenced(loaders.organisation, mobilisation.communityId, 'Organisation'),
  coverage: (mobilisation) =>
    coverageOf(
      mobilisation.householdIds.length,
      mobilisation.standings.map((standing) => ({ ...standing, householdId: standing.householdId.toHexString() })),
    ),
  visits: (mobilisation, { first, after }, { loaders }) => loaders.visitsOfMobilisation.load({ parentId: idOf(mobilisation), first, after }),
};

export const HouseholdVisit: HouseholdVisitResolvers = {
  id: idOf,
  household: (visit) => ({ id: visit.householdId.toHexString() }),
  // Read by whoever reads the mobilisation; the Resident's own fields follow residents' rules.
  recordedBy: (visit) => (visit.recordedById ? { id: visit.recordedById.toHexString() } : null),
};
