import { UnapplicableEvent, type EventConsumer } from '@civic/events';
import { isHexId, type SubgraphServices } from '@civic/service-kit';
import { Types, type ClientSession } from 'mongoose';
import { cappedAward, EARNING_KINDS, earnerIds, earningReason, isEarningEvent, measureOf, pointsEarned } from '../domain/points-rules.ts';
import type { Models } from '../models/index.ts';
import { isClosed } from '../domain/account-closure.ts';
import { ruleInForce } from '../persistence/points-rules.ts';
import { capUsage } from '../persistence/points-cap-usage.ts';
import { appendPointsEntryInTransaction } from '../persistence/points-ledger.ts';

/** Who records the entries this consumer makes (PointsEntry.recordedBy). */
export const POINTS_CONSUMER_NAME = 'residents-points';

/**
 * 微星光 from service: each earning event becomes one ledger entry per resident who served, by the
 * rule in force when the event occurred, reduced by the day's and month's caps. An entry is made
 * once per (event, resident): the unique index on the pair holds even if the runner's own record
 * of applied events were lost. A capped-out award is still an entry, of 0 points, so the decision
 * is in the ledger and a replay finds it there rather than deciding again.
 */
export const pointsConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: POINTS_CONSUMER_NAME,
  kinds: EARNING_KINDS,
  async apply(event, { models }, session) {
    if (!isEarningEvent(event)) throw new UnapplicableEvent(`${event.kind} earns no points`);
    const occurredAt = new Date(event.occurredAt);
    if (Number.isNaN(occurredAt.getTime())) throw new UnapplicableEvent(`occurredAt ${event.occurredAt} is not a time`);
    // A closed account earns nothing more: its ledger is kept as it was.
    const earners = (await loadEarners(models, earnerIds(event), session)).filter((earner) => !isClosed(earner));
    const rule = await ruleInForce(models, event.kind, occurredAt, session);
    const measure = measureOf(event);
    const earned = pointsEarned(rule, measure);
    // One after another: a transaction's operations share one session and must not overlap.
    for (const earner of earners) {
      if (await models.PointsEntry.exists({ eventId: event.id, residentId: earner._id }).session(session)) continue;
      const awarded = cappedAward(earned, rule, await capUsage(models, earner._id, event.kind, occurredAt, session));
      await appendPointsEntryInTransaction(
        models.PointsEntry,
        {
          residentId: earner._id,
          amount: awarded,
          source: rule.source,
          reason: earningReason(measure, earned, awarded),
          recordedBy: POINTS_CONSUMER_NAME,
          at: occurredAt,
          organisationPath: earner.organisationPath,
          eventId: event.id,
          eventKind: event.kind,
        },
        session,
      );
    }
  },
};

async function loadEarners(models: Models, ids: readonly string[], session: ClientSession) {
  const malformed = ids.find((id) => !isHexId(id));
  if (malformed !== undefined) throw new UnapplicableEvent(`${malformed} is not a resident id`);
  const found = await models.Resident.find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, { organisationPath: 1, status: 1 }, { session }).lean();
  const byId = new Map(found.map((resident) => [resident._id.toHexString(), resident]));
  const unknown = ids.find((id) => !byId.has(id));
  if (unknown !== undefined) throw new UnapplicableEvent(`resident ${unknown} is unknown`);
  return ids.map((id) => byId.get(id)!);
}
