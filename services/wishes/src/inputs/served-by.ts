import { Types } from 'mongoose';
import { invalidInput, parseId, unknownId, type GraphClient } from '@civic/service-kit';
import type { WishDocument } from '../models/wish.ts';
import { isRequest } from '../domain/vocabulary.ts';
import { isMemberOf, servedByNonMember, servedByViolation } from '../domain/serving.ts';
import { fetchMemberships } from '../graph/residents.ts';

/**
 * The residents who served the wish being completed, checked (domain/serving.ts): none for a
 * request, the claimant for a resident's claim, and for an organisation's claim the residents it
 * names, each known to the residents department and a member of the organisation.
 */
export async function servedByOf(graph: GraphClient, wish: WishDocument, servedBy: readonly string[] | null | undefined): Promise<Types.ObjectId[]> {
  const request = isRequest(wish.kind);
  const violation = servedByViolation({ request, claimantKind: wish.claimantKind }, servedBy);
  if (violation) throw invalidInput(violation);
  if (request || !wish.claimantId) return [];
  if (wish.claimantKind === 'RESIDENT') return [wish.claimantId];
  const ids = servedBy!.map((id, index) => parseId(`servedBy[${index}]`, id));
  const organisationId = wish.claimantId.toHexString();
  const memberships = await fetchMemberships(graph, ids.map((id) => id.toHexString()));
  memberships.forEach((membership, index) => {
    if (!membership) throw unknownId(`servedBy[${index}]`, 'resident');
    if (!isMemberOf(organisationId, membership)) throw invalidInput(servedByNonMember(index));
  });
  return ids;
}
