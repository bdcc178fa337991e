import { idOf, paginate, hexIds, loadAll } from '@civic/service-kit';
import type { OrganisationResolvers } from '../generated/resolvers-types.ts';
import { ORGANISATION_FIELDS } from '../models/organisation.ts';
import { requireCommunityMobilisationsReader } from '../authorisation.ts';
import { readCommunityMobilisationsOutOfScope } from '../errors.ts';

/** Organisations are public data: no field here needs a signed-in caller, but their mobilisations. */
export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.organisation.load(reference.id),
  id: idOf,
  parent: (organisation, _args, { loaders }) => (organisation.parentId ? loaders.organisation.load(organisation.parentId.toHexString()) : null),
  children: (organisation, { first, after }, { loaders }) => loaders.childrenOfOrganisation.load({ parentId: idOf(organisation), first, after }),
  ancestors: (organisation, _args, { loaders }) => loadAll(loaders.organisation, organisation.ancestorIds),
  path: (organisation) => hexIds(organisation.path),
  depth: (organisation) => organisation.ancestorIds.length,
  // One indexed query at any depth: every descendant lists this organisation in its ancestorIds.
  descendants: (organisation, { kind, first, after }, { models }) =>
    paginate(models.Organisation, { ancestorIds: organisation._id, ...(kind ? { kind } : {}) }, { first, after }, { field: '_id', direction: 1 }, ORGANISATION_FIELDS),
  partnerships: (organisation, { status, first, after }, { loaders }) => loaders.partnershipPages[status ?? 'ALL'].load({ parentId: idOf(organisation), first, after }),
  agreements: (organisation, { first, after }, { loaders }) => loaders.agreementPages.load({ parentId: idOf(organisation), first, after }),
  // Not public, unlike the rest: who was not at home is a personal fact (authorisation.ts).
  mobilisations: (organisation, { first, after }, { viewer, loaders }) => {
    requireCommunityMobilisationsReader(viewer, organisation.path, readCommunityMobilisationsOutOfScope);
    return loaders.mobilisationsOfCommunity.load({ parentId: idOf(organisation), first, after });
  },
};
