import { invalidInput, parseId, unknownId, type GraphClient } from '@civic/service-kit';
import type { OutcomeDocument, WishDocument } from '../models/wish.ts';
import { outcomeViolation, recordedOutcome, type OutcomeStatement } from '../domain/outcome.ts';
import { fetchOrganisations } from '../graph/organisations.ts';

/**
 * The outcome a fulfilment or resolution records, checked (domain/outcome.ts): null when none is
 * stated; every partner an organisation the organisations department knows, asked in one request.
 */
export async function outcomeOf(graph: GraphClient, wish: WishDocument, statement: OutcomeStatement | null | undefined, completedAt: Date): Promise<OutcomeDocument | null> {
  if (statement === null || statement === undefined) return null;
  const violation = outcomeViolation(statement);
  if (violation) throw invalidInput(violation);
  const partnerIds = (statement.partnerIds ?? []).map((id, index) => parseId(`outcome.partnerIds[${index}]`, id));
  if (partnerIds.length > 0) {
    const known = await fetchOrganisations(graph, partnerIds.map((id) => id.toHexString()));
    const unknown = partnerIds.findIndex((id) => !known.get(id.toHexString()));
    if (unknown !== -1) throw unknownId(`outcome.partnerIds[${unknown}]`, 'organisation');
  }
  return recordedOutcome(statement, partnerIds, wish.takenAt ?? wish.publishedAt ?? wish.createdAt, completedAt);
}
