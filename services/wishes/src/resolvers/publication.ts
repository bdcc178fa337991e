import { Types } from 'mongoose';
import type { WishDocument } from '../models/wish.ts';
import { isRequest } from '../domain/vocabulary.ts';
import { chooseHandler, selectRoutingRule } from '../domain/routing-rules.ts';
import { deadlineHours, deadlinesFrom } from '../domain/deadlines.ts';
import { fetchGrid, fetchRoutingFacts } from '../graph/organisations.ts';
import { fetchResident } from '../graph/residents.ts';
import { planSteps, type Step } from '../persistence/wish-changes.ts';
import { withHandler } from '../domain/handler-history.ts';
import type { Context } from '../context.ts';
import { hexIds, toObjectIds } from '@civic/service-kit';

/**
 * What publishing changes. A micro-wish opens for claiming, first to its micro-grid: the grid's
 * responsible person, its party branch and the party member paired with the requester's
 * household, as the graph says at this moment. A request is routed by the rules table at once.
 */
export async function publication(wish: WishDocument, now: Date, context: Context): Promise<{ steps: Step[]; set: Partial<WishDocument> }> {
  planSteps(wish, { steps: [{ action: 'PUBLISH' }], actor: '', at: now });
  return isRequest(wish.kind) ? routing(wish, now, context) : opening(wish, now, context);
}

async function opening(wish: WishDocument, now: Date, context: Context): Promise<{ steps: Step[]; set: Partial<WishDocument> }> {
  return { steps: [{ action: 'PUBLISH' }], set: { ...(await openingForClaims(wish, now, context)), publishedAt: now } };
}

/** A micro-wish opening (again, when handed back) for claiming: its micro-grid's claimants now, windows counted from now. */
export async function openingForClaims(wish: WishDocument, now: Date, { graph }: Context): Promise<Pick<WishDocument, 'gridClaimantIds' | 'openedAt'>> {
  const [grid, requester] = await Promise.all([fetchGrid(graph, wish.gridId.toHexString()), fetchResident(graph, wish.requesterId.toHexString())]);
  const gridClaimants = [grid?.responsiblePerson?.id, grid?.partyBranch?.id, requester?.household?.pairedMember?.id];
  const gridClaimantIds = [...new Set(gridClaimants.filter((id): id is string => Boolean(id)))];
  return { gridClaimantIds: toObjectIds(gridClaimantIds), openedAt: now };
}

async function routing(wish: WishDocument, now: Date, { graph }: Context): Promise<{ steps: Step[]; set: Partial<WishDocument> }> {
  const rule = selectRoutingRule(wish.category, wish.tags);
  const facts = await fetchRoutingFacts(graph, wish.communityId.toHexString());
  const handler = chooseHandler(rule, hexIds(wish.organisationPath), facts);
  // An agreement's deadlines bind the property company that signed it, not other handlers.
  const byAgreement = facts.propertyCompany !== null && handler.id === facts.propertyCompany.id;
  const deadlines = deadlinesFrom(now, deadlineHours(wish.category, byAgreement ? facts.agreementHours : null));
  return {
    steps: [{ action: 'PUBLISH' }, { action: 'ROUTE', note: rule.description }],
    set: {
      handlerId: new Types.ObjectId(handler.id),
      handlerPath: toObjectIds(handler.path),
      handlerIds: withHandler(wish, handler.id),
      agreementId: byAgreement && facts.agreementId ? new Types.ObjectId(facts.agreementId) : null,
      handlingLevel: rule.level,
      routing: { ruleId: rule.id, description: rule.description, level: rule.level },
      ...deadlines,
      publishedAt: now,
      takenAt: now,
    },
  };
}
