import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { durationPath, quantityPath, rollupKeys, scorecardChange, type ScoredWish } from '../../src/domain/scorecard-contribution.ts';
import { ScorecardRollupTotals } from '../../src/domain/scorecard-rollup-totals.ts';

const property = new Types.ObjectId('650000000000000000000001');
const street = new Types.ObjectId('650000000000000000000002');
const agreement = new Types.ObjectId('650000000000000000000003');
const canteen = new Types.ObjectId('650000000000000000000004');
// 2026-03-31 20:00 UTC is already April in China.
const createdAt = new Date('2026-03-31T20:00:00Z');
const takenAt = new Date('2026-03-31T21:00:00Z');
const at = (hours: number) => new Date(takenAt.getTime() + hours * 3_600_000);

const routed: ScoredWish = {
  kind: 'HELP',
  status: 'ROUTED',
  createdAt,
  takenAt,
  completedAt: null,
  dueAt: at(24),
  deadlineNoticeAt: at(20),
  closedOnTime: null,
  escalations: 0,
  feedback: null,
  outcome: null,
  timeline: [],
  handlerIds: [property],
  claimantId: null,
  agreementId: agreement,
};
const entry = (action: string, hours: number) => ({ action, actor: 'staff', at: at(hours), note: null, status: 'IN_SERVICE' }) as ScoredWish['timeline'][number];

describe('what a wish adds to its scorecard rollups', () => {
  it('counts for each handler it had, its claimant and its agreement, in the China month it was created', () => {
    const escalated = { ...routed, handlerIds: [property, street, property], claimantId: canteen };
    expect(rollupKeys(escalated)).toEqual([
      { side: 'HANDLER', unitId: property.toHexString(), month: '2026-04' },
      { side: 'HANDLER', unitId: street.toHexString(), month: '2026-04' },
      { side: 'CLAIMANT', unitId: canteen.toHexString(), month: '2026-04' },
      { side: 'AGREEMENT', unitId: agreement.toHexString(), month: '2026-04' },
    ]);
  });

  it('moves a rollup by the difference of a change, and by nothing for a change of nothing scored', () => {
    const acknowledged = { ...routed, status: 'IN_SERVICE' as const, dueAt: at(72), deadlineNoticeAt: at(68), timeline: [entry('ACKNOWLEDGE', 1.5)] };
    const resolved = {
      ...acknowledged,
      status: 'RESOLVED' as const,
      dueAt: null,
      deadlineNoticeAt: null,
      completedAt: at(10),
      closedOnTime: true,
      timeline: [...acknowledged.timeline, entry('RESOLVE', 10)],
      outcome: { quantities: [{ item: '电梯维修', unit: '次', amount: 1 }], beneficiaries: { households: 12, persons: null }, partnerIds: [canteen], daysTaken: 1, recordedAt: at(10) },
    };
    const [move] = scorecardChange(acknowledged, resolved).filter((change) => change.key.side === 'HANDLER');
    expect(Object.fromEntries(move!.amounts)).toEqual({
      resolved: 1,
      open: -1,
      [durationPath('resolveHours', 1000)]: 1,
      timed: 1,
      onTime: 1,
      everCompleted: 1,
      outcomes: 1,
      households: 12,
      [`partners.${canteen.toHexString()}`]: 1,
      [`${quantityPath('电梯维修', '次')}.amount`]: 1,
      [`${quantityPath('电梯维修', '次')}.count`]: 1,
    });
    expect(Object.fromEntries(move!.labels)).toEqual({ [`${quantityPath('电梯维修', '次')}.item`]: '电梯维修', [`${quantityPath('电梯维修', '次')}.unit`]: '次' });
    expect(scorecardChange(resolved, { ...resolved, timeline: [...resolved.timeline, entry('NOTE', 11)] })).toEqual([]);
  });

  it('counts a request as overdue once the sweep told its handler, until a new deadline stands', () => {
    const told = { ...routed, deadlineNoticeAt: null };
    const amountsBySide = (moves: ReturnType<typeof scorecardChange>) => moves.map(({ key, amounts }) => [key.side, key.unitId, Object.fromEntries(amounts)]);
    expect(amountsBySide(scorecardChange(routed, told))).toEqual([
      ['HANDLER', property.toHexString(), { overdue: 1 }],
      ['AGREEMENT', agreement.toHexString(), { overdue: 1 }],
    ]);
    const acknowledged = { ...told, status: 'IN_SERVICE' as const, dueAt: at(72), deadlineNoticeAt: at(68), timeline: [entry('ACKNOWLEDGE', 30)] };
    expect(amountsBySide(scorecardChange(told, acknowledged))).toEqual([
      ['HANDLER', property.toHexString(), { overdue: -1, [durationPath('acknowledgeHours', 3000)]: 1 }],
      ['AGREEMENT', agreement.toHexString(), { overdue: -1, [durationPath('acknowledgeHours', 3000)]: 1 }],
    ]);
    // Escalated: the street takes it up with fresh deadlines; the company keeps it, no longer overdue.
    const escalated = { ...told, handlerIds: [property, street], escalations: 1, dueAt: at(48), deadlineNoticeAt: at(44) };
    expect(amountsBySide(scorecardChange(told, escalated))).toEqual([
      ['HANDLER', property.toHexString(), { escalations: 1, overdue: -1 }],
      ['HANDLER', street.toHexString(), { requests: 1, open: 1, escalations: 1 }],
      ['AGREEMENT', agreement.toHexString(), { escalations: 1, overdue: -1 }],
    ]);
  });

  it('moves a resident claimant\'s part to its stand-in whole', () => {
    const resident = new Types.ObjectId();
    const standIn = new Types.ObjectId();
    const claimed = { ...routed, kind: 'WISH' as const, status: 'CLAIMED' as const, dueAt: null, deadlineNoticeAt: null, handlerIds: [], agreementId: null, claimantId: resident, feedback: { rating: 4, comment: null, automatic: false, at: at(3) } };
    const moved = scorecardChange(claimed, { ...claimed, claimantId: standIn });
    expect(moved.map(({ key, amounts }) => [key.unitId, Object.fromEntries(amounts)])).toEqual([
      [standIn.toHexString(), { wishes: 1, open: 1, star4: 1 }],
      [resident.toHexString(), { wishes: -1, open: -1, star4: -1 }],
    ]);
  });

  it('adds up in memory to what the changes add up to', () => {
    const totals = new ScorecardRollupTotals();
    totals.add(routed);
    totals.add({ ...routed, status: 'IN_SERVICE', timeline: [entry('ACKNOWLEDGE', 2)] });
    const built = [...totals.built()].find((rollup) => rollup.side === 'HANDLER')!;
    expect([totals.wishes, totals.size]).toEqual([2, 2]);
    expect(built).toEqual({ side: 'HANDLER', unitId: property.toHexString(), month: '2026-04', fields: { requests: 2, open: 2, acknowledgeHours: { h200: 1 } } });
  });
});
