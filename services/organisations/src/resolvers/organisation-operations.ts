import { Types, type QueryFilter } from 'mongoose';
import { parseId, requireSignedIn, requireText, paginate, returnUpdated, loadForInput, loadTarget, startsWith, uniquely, invalidInput } from '@civic/service-kit';
import type { ContactInput, MutationResolvers, OrganisationFilter, QueryResolvers } from '../generated/resolvers-types.ts';
import { ORGANISATION_FIELDS, type OrganisationDocument } from '../models/organisation.ts';
import { placementError, positionUnder } from '../domain/organisation-tree.ts';
import { isPhoneNumber, normalisePhone } from '../domain/contact.ts';
import { MAX_ADDRESS_LENGTH, MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import { requireRootCreator, requireTreeManager } from '../authorisation.ts';
import { createOrganisationOutOfScope, notAPhoneNumber, renameOrganisationOutOfScope, siblingNameTaken } from '../errors.ts';

export const organisationQueries: QueryResolvers = {
  organisation: (_parent, { id }, { loaders }) => loaders.organisation.load(id),
  organisations: (_parent, { filter, first, after }, { models }) =>
    paginate(models.Organisation, organisationFilter(filter), { first, after }, { field: '_id', direction: 1 }, ORGANISATION_FIELDS),
};

export const organisationMutations: MutationResolvers = {
  createOrganisation: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const parent = input.parentId ? await loadForInput(loaders.organisation, 'parentId', input.parentId, 'organisation') : null;
    if (parent) requireTreeManager(viewer, parent.path, createOrganisationOutOfScope);
    const misplaced = placementError(input.kind, parent?.kind ?? null);
    if (misplaced) throw invalidInput(misplaced);
    if (!parent) requireRootCreator(viewer);

    const name = requireText('name', input.name, { max: MAX_NAME_LENGTH });
    const id = new Types.ObjectId();
    const document: OrganisationDocument = {
      _id: id,
      name,
      kind: input.kind,
      parentId: parent?._id ?? null,
      ...positionUnder(parent?.path ?? null, id),
      contact: parseContact(input.contact),
      createdAt: clock.now(),
    };
    await uniquely(() => models.Organisation.create(document), siblingNameTaken);
    return document;
  },

  renameOrganisation: async (_parent, { id, name }, { viewer, models, loaders }) => {
    requireSignedIn(viewer);
    const organisation = await loadTarget(loaders.organisation, id, 'Organisation');
    requireTreeManager(viewer, organisation.path, renameOrganisationOutOfScope);
    const newName = requireText('name', name, { max: MAX_NAME_LENGTH });
    return uniquely(
      () =>
        models.Organisation.findOneAndUpdate({ _id: organisation._id }, { $set: { name: newName } }, returnUpdated(ORGANISATION_FIELDS))
          .lean<OrganisationDocument>()
          .orFail()
          .exec(),
      siblingNameTaken,
    );
  },
};

function organisationFilter(filter: OrganisationFilter | null | undefined): QueryFilter<OrganisationDocument> {
  const query: QueryFilter<OrganisationDocument> = {};
  if (!filter) return query;
  if (filter.kind) query.kind = filter.kind;
  if (filter.parentId) query.parentId = parseId('filter.parentId', filter.parentId);
  // The subtree, root included: every member's path holds the root's id.
  if (filter.within) query.path = parseId('filter.within', filter.within);
  if (filter.namePrefix !== null && filter.namePrefix !== undefined) {
    // Names are stored trimmed; a prefix is no longer than a name can be.
    query.name = startsWith('filter.namePrefix', filter.namePrefix.trim(), MAX_NAME_LENGTH);
  }
  return query;
}

function parseContact(contact: ContactInput | null | undefined): OrganisationDocument['contact'] {
  const phone = contact?.phone ? normalisePhone(contact.phone) : null;
  if (phone !== null && !isPhoneNumber(phone)) throw notAPhoneNumber('contact.phone');
  const address = contact?.address ? requireText('contact.address', contact.address, { max: MAX_ADDRESS_LENGTH }) : null;
  return { phone, address };
}
