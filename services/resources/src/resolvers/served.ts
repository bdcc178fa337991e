import type { Types } from 'mongoose';
import { requireResident, hexIds, toObjectIds, type Refusal } from '@civic/service-kit';
import { isServed } from '../domain/resource-rules.ts';
import { fetchResidentPath } from '../graph/residents.ts';
import type { Context } from '../context.ts';

/** How an action refuses a caller who is no resident, and a resident living outside the served area. */
export interface ServedResidentRefusals {
  notResident: Refusal;
  livesOutside: Refusal;
}

/** The calling resident, who must live where the resource serves (asked of the graph), and where they live. */
export async function servedResident(
  { viewer, graph }: Context,
  servedPath: readonly Types.ObjectId[],
  refusals: ServedResidentRefusals,
): Promise<{ residentId: Types.ObjectId; home: Types.ObjectId[] }> {
  const residentId = requireResident(viewer, refusals.notResident);
  const home = await fetchResidentPath(graph, residentId.toHexString());
  if (!home || !isServed(hexIds(servedPath), home)) throw refusals.livesOutside();
  return { residentId, home: toObjectIds(home) };
}
