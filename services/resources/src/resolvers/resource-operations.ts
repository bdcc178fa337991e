import { Types, type QueryFilter } from 'mongoose';
import type { Viewer } from '@civic/identity';
import { invalidTransition, nearSearch, paginate, paginateNear, parseId, requireSignedIn, requireText, returnUpdated, loadTarget, signedInSubject, toObjectIds, unknownId, type Refusal } from '@civic/service-kit';
import type { CreateResourceInput, MutationResolvers, QueryResolvers, ResourceFilter } from '../generated/resolvers-types.ts';
import { RESOURCE_FIELDS, type ResourceDocument } from '../models/resource.ts';
import { MAX_STOCK, restockError } from '../domain/stock.ts';
import { canChangeStatus } from '../domain/resource-rules.ts';
import { MAX_TAG_LENGTH } from '../domain/text-limits.ts';
import { addStock } from '../persistence/stock.ts';
import { fetchOrganisationPath } from '../graph/organisations.ts';
import { fetchResidentPath } from '../graph/residents.ts';
import { requireResourceManager } from '../authorisation.ts';
import type { Context } from '../context.ts';
import type { Loaders } from '../loaders.ts';
import { rejectRuleError } from '../inputs/rule-errors.ts';
import { resourceChanges, resourceContent } from '../inputs/resource-input.ts';
import {
  changeUnmanagedResourceStatus,
  createResourceOutOfScope,
  editUnmanagedResource,
  providerNotExactlyOne,
  resourceChangedMeanwhile,
  restockUnmanagedResource,
  restockWithoutStock,
} from '../errors.ts';

export const resourceQueries: QueryResolvers = {
  resource: (_parent, { id }, { loaders }) => loaders.resource.load(id),
  resources: (_parent, { filter, first, after }, { models }) => {
    const query = resourceFilter(filter);
    if (filter?.near) return paginateNear(models.Resource, 'place.location', query, nearSearch('filter.near', filter.near), { first, after }, RESOURCE_FIELDS);
    return paginate(models.Resource, query, { first, after }, { field: 'title', direction: 1 }, RESOURCE_FIELDS);
  },
};

export const resourceMutations: MutationResolvers = {
  createResource: async (_parent, { input }, context) => {
    const createdBy = signedInSubject(context.viewer);
    const content = resourceContent(input);
    const servedPath = await organisationPathFor(context, 'servedOrganisationId', input.servedOrganisationId);
    requireResourceManager(context.viewer, servedPath, createResourceOutOfScope);
    const provider = await providerOf(input, context);
    const document: ResourceDocument = {
      _id: new Types.ObjectId(),
      ...content,
      ...provider,
      servedOrganisationId: servedPath.at(-1)!,
      servedPath,
      balanceFen: input.kind === 'FUND' ? 0 : null,
      ledgerSequence: input.kind === 'FUND' ? 0 : null,
      status: 'ACTIVE',
      createdAt: context.clock.now(),
      createdBy,
    };
    await context.models.Resource.create(document);
    return document;
  },

  setResourceStatus: async (_parent, { id, status }, { viewer, models, loaders }) => {
    const resource = await managedResource(viewer, loaders, id, changeUnmanagedResourceStatus);
    if (!canChangeStatus(resource.status, status)) throw invalidTransition('Resource', resource.status, `become ${status}`);
    // Conditional on the status read: a concurrent change wins, this one is refused.
    const updated = await models.Resource.findOneAndUpdate({ _id: resource._id, status: resource.status }, { $set: { status } }, returnUpdated(RESOURCE_FIELDS)).lean<ResourceDocument>();
    if (!updated) throw invalidTransition('Resource', 'CHANGED', `become ${status}`);
    return updated;
  },

  updateResource: async (_parent, { id, input }, { viewer, models, loaders }) => {
    const resource = await managedResource(viewer, loaders, id, editUnmanagedResource);
    const changes = resourceChanges(resource, input);
    if (resource.status === 'RETIRED') throw invalidTransition('Resource', 'RETIRED', 'be edited');
    // Conditional: a resource retired meanwhile stays as it was.
    const updated = await models.Resource.findOneAndUpdate({ _id: resource._id, status: { $ne: 'RETIRED' } }, { $set: changes }, returnUpdated(RESOURCE_FIELDS)).lean<ResourceDocument>();
    if (!updated) throw invalidTransition('Resource', 'RETIRED', 'be edited');
    return updated;
  },

  restockResource: async (_parent, { id, quantity }, { viewer, models, loaders }) => {
    const resource = await managedResource(viewer, loaders, id, restockUnmanagedResource);
    if (resource.kind !== 'GOODS') throw restockWithoutStock(resource.kind);
    rejectRuleError(restockError(resource.stock!, quantity));
    if (resource.status === 'RETIRED') throw invalidTransition('Resource', 'RETIRED', 'be restocked');
    const restocked = await addStock(models, resource._id, quantity, MAX_STOCK);
    if (!restocked) throw resourceChangedMeanwhile();
    return restocked;
  },
};

/** The resource an operation acts on, which the caller manages. */
async function managedResource(viewer: Viewer, loaders: Loaders, id: string, refusal: Refusal): Promise<ResourceDocument> {
  requireSignedIn(viewer);
  const resource = await loadTarget(loaders.resource, id, 'Resource');
  requireResourceManager(viewer, resource.servedPath, refusal);
  return resource;
}

/** Exactly one provider, which must exist in the graph. */
async function providerOf(input: CreateResourceInput, context: Context): Promise<Pick<ResourceDocument, 'providerOrganisationId' | 'providerResidentId'>> {
  const { providerOrganisationId, providerResidentId } = input;
  if ((providerOrganisationId ? 1 : 0) + (providerResidentId ? 1 : 0) !== 1) {
    throw providerNotExactlyOne();
  }
  if (providerOrganisationId) {
    const path = await organisationPathFor(context, 'providerOrganisationId', providerOrganisationId);
    return { providerOrganisationId: path.at(-1)!, providerResidentId: null };
  }
  const residentId = parseId('providerResidentId', providerResidentId!);
  if ((await fetchResidentPath(context.graph, residentId.toHexString())) === null) throw unknownId('providerResidentId', 'resident');
  return { providerOrganisationId: null, providerResidentId: residentId };
}

/** The path (root..itself) of the organisation an input field names, asked of the graph. */
export async function organisationPathFor({ graph }: Context, field: string, rawId: string): Promise<Types.ObjectId[]> {
  const id = parseId(field, rawId);
  const path = await fetchOrganisationPath(graph, id.toHexString());
  if (!path) throw unknownId(field, 'organisation');
  return toObjectIds(path);
}

function resourceFilter(filter: ResourceFilter | null | undefined): QueryFilter<ResourceDocument> {
  const query: QueryFilter<ResourceDocument> = { status: filter?.status ?? 'ACTIVE' };
  if (!filter) return query;
  // Serving anywhere in the subtree: the served path holds the subtree's root.
  if (filter.within) query.servedPath = parseId('filter.within', filter.within);
  if (filter.pool) query.pool = filter.pool;
  if (filter.kind) query.kind = filter.kind;
  // Tags are stored trimmed and no longer than MAX_TAG_LENGTH (domain/resource-rules.ts).
  if (filter.tag !== null && filter.tag !== undefined) query.tags = requireText('filter.tag', filter.tag, { max: MAX_TAG_LENGTH });
  return query;
}

