import { graphErrorOf, type GraphClient } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

/** What resources asks the residents department, through the gateway, at write time: where a resident lives. */

const RESIDENT_QUERY = graphql(`query ResourcesResident($id: ID!) { resident(id: $id) { id community { id path } } }`);

/** Where a resident lives: their community's path (root..community), [] without one; null when there is no such resident. */
export async function fetchResidentPath(graph: GraphClient, id: string): Promise<string[] | null> {
  const data = await graph.request(RESIDENT_QUERY, { id });
  return data.resident ? (data.resident.community?.path ?? []) : null;
}

/** Spending a resident's points for a saga, through the residents' service-only mutations. */

const SPEND_POINTS = graphql(`mutation ResourcesSpendPoints($input: PointsSpendingInput!) { spendPoints(input: $input) { reference status } }`);
const REFUND_POINTS = graphql(`mutation ResourcesRefundPoints($input: PointsSpendingInput!) { refundPoints(input: $input) { reference status } }`);

export interface PointsSpendingCall {
  reference: string;
  residentId: string;
  points: number;
  reason: string;
}

/**
 * What the points ledger answered: done; refused, with its reason (nothing was written there); or
 * no answer (unreachable, failed, timed out), when the write may or may not have landed.
 */
export type PointsCallOutcome = { done: true } | { refused: string } | { unanswered: true };

// A typed refusal from the residents service: the write was rejected, so it changed nothing.
const REFUSAL_CODES: readonly unknown[] = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION'];

export function spendPoints(graph: GraphClient, call: PointsSpendingCall): Promise<PointsCallOutcome> {
  return outcomeOf(graph.request(SPEND_POINTS, { input: call }));
}

export function refundPoints(graph: GraphClient, call: PointsSpendingCall): Promise<PointsCallOutcome> {
  return outcomeOf(graph.request(REFUND_POINTS, { input: call }));
}

async function outcomeOf(request: Promise<unknown>): Promise<PointsCallOutcome> {
  try {
    await request;
    return { done: true };
  } catch (error) {
    const refusal = graphErrorOf(error);
    if (refusal && REFUSAL_CODES.includes(refusal.code)) return { refused: refusal.message };
    return { unanswered: true };
  }
}
