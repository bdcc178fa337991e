import { parseId, requireAggregateReader, requireSignedIn } from '@civic/service-kit';
import type { Types } from 'mongoose';
import { fetchOrganisationPath } from '../graph/organisations.ts';
import type { Context } from '../context.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../errors.ts';

/** The organisation an aggregate covers, as the graph knows it, once the caller may read its aggregates. */
export async function aggregateScope({ graph, viewer }: Context, organisationId: string): Promise<Types.ObjectId> {
  requireSignedIn(viewer);
  const id = parseId('organisationId', organisationId);
  const path = await fetchOrganisationPath(graph, organisationId);
  if (!path) throw unknownAggregateOrganisation(organisationId);
  requireAggregateReader(viewer, path, readAggregateOutOfScope);
  return id;
}
