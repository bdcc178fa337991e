import { Types, type QueryFilter } from 'mongoose';
import { badUserInput, invalidTransition, paginate, parseId, requireSignedIn, requireText } from '@civic/service-kit';
import type { CreateResourceInput, MutationResolvers, QueryResolvers, ResourceFilter } from '../generated/resolvers-types.ts';
import { RESOURCE_FIELDS, type ResourceDocument } from '../models/resource.ts';
import { isSlotKind } from '../domain/vocabulary.ts';
import { openingWindows } from '../domain/opening-hours.ts';
import { stockError } from '../domain/stock.ts';
import { MAX_PARKING_PLACES } from '../domain/parking-rules.ts';
import { canChangeStatus, foreignAvailabilityField, normaliseTags } from '../domain/resource-rules.ts';
import { normalisedPhone } from '../domain/contact.ts';
import { MAX_DESCRIPTION_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_TITLE_LENGTH } from '../domain/text-limits.ts';
import { fetchOrganisationPath, residentExists } from '../graph/graph-facts.ts';
import { requireResourceManager, signedInSubject } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { RETURN_UPDATED, loadTarget, orReject, rejectRuleError } from './loading.ts';

export const resourceQueries: QueryResolvers = {
  resource: (_parent, { id }, { loaders }) => loaders.resource.load(id),
  resources: (_parent, { filter, first, after }, { models }) =>
    paginate(models.Resource, resourceFilter(filter), { first, after }, { field: 'title', direction: 1 }, RESOURCE_FIELDS),
};

export const resourceMutations: MutationResolvers = {
  createResource: async (_parent, { input }, context) => {
    const createdBy = signedInSubject(context.viewer);
    const content = resourceContent(input);
    const servedPath = await organisationPathFor(context, 'servedOrganisationId', input.servedOrganisationId);
    requireResourceManager(context.viewer, servedPath, 'create a resource for this organisation');
    const provider = await providerOf(input, context);
    const document: ResourceDocument = {
      _id: new Types.ObjectId(),
      ...content,
      ...provider,
      servedOrganisationId: servedPath.at(-1)!,
      servedPath,
      balanceFen: input.kind === 'FUND' ? 0 : null,
      status: 'ACTIVE',
      createdAt: context.clock.now(),
      createdBy,
    };
    await context.models.Resource.create(document);
    return document;
  },

  setResourceStatus: async (_parent, { id, status }, { viewer, models, loaders }) => {
    requireSignedIn(viewer);
    const resource = await loadTarget(loaders.resource, id, 'Resource');
    requireResourceManager(viewer, resource.servedPath, 'change the status of this resource');
    if (!canChangeStatus(resource.status, status)) throw invalidTransition('Resource', resource.status, `become ${status}`);
    // Conditional on the status read: a concurrent change wins, this one is refused.
    const updated = await models.Resource.findOneAndUpdate({ _id: resource._id, status: resource.status }, { $set: { status } }, RETURN_UPDATED).lean<ResourceDocument>();
    if (!updated) throw invalidTransition('Resource', 'CHANGED', `become ${status}`);
    return updated;
  },
};

type ResourceContent = Pick<ResourceDocument, 'pool' | 'kind' | 'title' | 'description' | 'tags' | 'skills' | 'openingHours' | 'slotMinutes' | 'stock' | 'parkingPlaces' | 'contact'>;

/** The validated content of a new resource; throws BAD_USER_INPUT naming the first bad field. */
function resourceContent(input: CreateResourceInput): ResourceContent {
  const title = requireText('title', input.title, { max: MAX_TITLE_LENGTH });
  const description = requireText('description', input.description, { max: MAX_DESCRIPTION_LENGTH });
  const { tags } = orReject(normaliseTags('tags', input.tags));
  const { tags: skills } = orReject(normaliseTags('skills', input.skills));
  rejectRuleError(foreignAvailabilityField(input.kind, input));
  const slots = isSlotKind(input.kind) ? orReject(openingWindows(input.openingHours ?? [], input.slotMinutes ?? 0)) : { windows: [] };
  if (input.kind === 'GOODS') rejectRuleError(stockError(input.stock));
  if (input.kind === 'PARKING') {
    const places = input.parkingPlaces;
    if (places === null || places === undefined || !Number.isInteger(places) || places < 1 || places > MAX_PARKING_PLACES) {
      throw badUserInput('parkingPlaces', `must be a whole number from 1 to ${MAX_PARKING_PLACES}`);
    }
  }
  return {
    pool: input.pool,
    kind: input.kind,
    title,
    description,
    tags,
    skills,
    openingHours: slots.windows,
    slotMinutes: isSlotKind(input.kind) ? input.slotMinutes! : null,
    stock: input.kind === 'GOODS' ? input.stock! : null,
    parkingPlaces: input.kind === 'PARKING' ? input.parkingPlaces! : null,
    contact: contactOf(input.contact),
  };
}

function contactOf(contact: CreateResourceInput['contact']): ResourceDocument['contact'] {
  if (!contact) return null;
  const name = requireText('contact.name', contact.name, { max: MAX_PERSON_NAME_LENGTH });
  const phone = normalisedPhone(contact.phone);
  if (!phone) throw badUserInput('contact.phone', 'must be a mobile, landline or hotline number');
  return { name, phone };
}

/** Exactly one provider, which must exist in the graph. */
async function providerOf(input: CreateResourceInput, context: Context): Promise<Pick<ResourceDocument, 'providerOrganisationId' | 'providerResidentId'>> {
  const { providerOrganisationId, providerResidentId } = input;
  if ((providerOrganisationId ? 1 : 0) + (providerResidentId ? 1 : 0) !== 1) {
    throw badUserInput('providerOrganisationId', 'exactly one of providerOrganisationId and providerResidentId is required');
  }
  if (providerOrganisationId) {
    const path = await organisationPathFor(context, 'providerOrganisationId', providerOrganisationId);
    return { providerOrganisationId: path.at(-1)!, providerResidentId: null };
  }
  const residentId = parseId('providerResidentId', providerResidentId!);
  if (!(await residentExists(context.graph, residentId.toHexString()))) throw badUserInput('providerResidentId', 'no resident has this id');
  return { providerOrganisationId: null, providerResidentId: residentId };
}

/** The path (root..itself) of the organisation an input field names, asked of the graph. */
export async function organisationPathFor({ graph }: Context, field: string, rawId: string): Promise<Types.ObjectId[]> {
  const id = parseId(field, rawId);
  const path = await fetchOrganisationPath(graph, id.toHexString());
  if (!path) throw badUserInput(field, 'no organisation has this id');
  return path.map((entry) => new Types.ObjectId(entry));
}

function resourceFilter(filter: ResourceFilter | null | undefined): QueryFilter<ResourceDocument> {
  const query: QueryFilter<ResourceDocument> = { status: filter?.status ?? 'ACTIVE' };
  if (!filter) return query;
  // Serving anywhere in the subtree: the served path holds the subtree's root.
  if (filter.within) query.servedPath = parseId('filter.within', filter.within);
  if (filter.pool) query.pool = filter.pool;
  if (filter.kind) query.kind = filter.kind;
  if (filter.tag) query.tags = filter.tag.trim();
  return query;
}

