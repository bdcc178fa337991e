import type { Types } from 'mongoose';
import { requireResident, hexIds, forbidden } from '@civic/service-kit';
import { isServed } from '../domain/resource-rules.ts';
import { fetchResidentPath } from '../graph/residents.ts';
import type { Context } from '../context.ts';
import { outsideServedArea } from '../errors.ts';

/** The calling resident, who must live where the resource serves (asked of the graph). */
export async function servedResident({ viewer, graph }: Context, servedPath: readonly Types.ObjectId[], action: string): Promise<Types.ObjectId> {
  const residentId = requireResident(viewer, () => forbidden(action));
  const home = await fetchResidentPath(graph, residentId.toHexString());
  if (!home || !isServed(hexIds(servedPath), home)) throw outsideServedArea(action);
  return residentId;
}
