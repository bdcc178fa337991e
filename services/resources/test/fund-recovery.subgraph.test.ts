import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ManualClock } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, staff } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { FakeGraph, aTree } from './support/fake-graph.ts';
import { APPROVE, DEPOSIT, aFund, propose } from './support/fund-builder.ts';

// Crashes are simulated by writing what a process that died half-way leaves in the database.
const clock = new ManualClock(new Date('2030-03-01T08:00:00+08:00'));
const graph = new FakeGraph();
const tree = aTree(graph);
const proposer = staff('COMMUNITY_WORKER', [tree.community], 'staff:li-hong');
const approver = staff('COMMUNITY_WORKER', [tree.community], 'staff:wang-min');
const LEASE_PASSED = 61_000;
let tester: SubgraphTester<Models>;

const FUND = `query($id: ID!) { resource(id: $id) { fund { balanceFen ledger(first: 10) { totalCount edges { node {
  sequence kind amountFen balanceAfterFen disbursement { id status } } } } } } }`;
const STATUS = `query($id: ID!) { disbursement(id: $id) { status } }`;

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
});

afterAll(async () => {
  await tester.close();
});

async function fundDocument(fundId: string) {
  return (await tester.models.Resource.findById(fundId).lean())!;
}

/** A movement that wrote its entry at the fund's next place and died before the fund update. */
async function entryWithoutFundUpdate(fundId: string, amountFen: number, _id = new Types.ObjectId()): Promise<void> {
  const fund = await fundDocument(fundId);
  await tester.models.LedgerEntry.create({
    _id,
    fundId: new Types.ObjectId(fundId),
    sequence: fund.ledgerSequence! + 1,
    epoch: fund.ledgerEpoch!,
    kind: amountFen > 0 ? 'DEPOSIT' : 'DISBURSEMENT',
    amountFen,
    balanceAfterFen: fund.balanceFen! + amountFen,
    note: '处理中断的资金变动',
    recordedAt: clock.now(),
    recordedBy: approver.subject!,
  });
}

/** The fund update of that movement, when the process died only after it. */
async function fundUpdateOf(fundId: string, amountFen: number): Promise<void> {
  await tester.models.Resource.updateOne({ _id: fundId }, { $inc: { balanceFen: amountFen, ledgerSequence: 1 } });
}

/** An approval that claimed the disbursement and died. */
async function approvalDied(id: string): Promise<void> {
  await tester.models.Disbursement.updateOne({ _id: id }, { $set: { state: 'APPROVING', approvingSince: clock.now(), decidedBy: approver.subject } });
}

async function fundAsRead(fundId: string) {
  return dataOf<{ resource: { fund: unknown } }>(await tester.execute(FUND, { id: fundId }, approver)).resource.fund;
}

const deposited = (sequence: number, amountFen: number, balanceAfterFen: number) => ({ node: { sequence, kind: 'DEPOSIT', amountFen, balanceAfterFen, disbursement: null } });

describe('a fund movement that died half-way', () => {
  it('is never read, holds its place while it may still be under way, and is replaced by the next movement once abandoned', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 50_000);
    await entryWithoutFundUpdate(fundId, 99_900);
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 50_000, ledger: { totalCount: 1, edges: [deposited(1, 50_000, 50_000)] } });

    // Within the lease the entry may belong to a movement under way: waiting beats overwriting it.
    const early = await tester.execute(DEPOSIT, { input: { fundId, amountFen: 20_000, note: '爱心企业捐款' } }, proposer);
    expect(errorOf(early)).toEqual({ code: 'CONFLICT', message: 'The fund is busy with other movements; try again' });

    clock.advance(LEASE_PASSED);
    expect(dataOf(await tester.execute(DEPOSIT, { input: { fundId, amountFen: 20_000, note: '爱心企业捐款' } }, proposer))).toEqual({
      depositToFund: { sequence: 2, kind: 'DEPOSIT', amountFen: 20_000, balanceAfterFen: 70_000, note: '爱心企业捐款' },
    });
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 70_000, ledger: { totalCount: 2, edges: [deposited(2, 20_000, 70_000), deposited(1, 50_000, 50_000)] } });
    // The abandoned entry is gone and can never apply: the fund's epoch moved past it.
    expect(await tester.models.LedgerEntry.countDocuments({ fundId })).toBe(2);
    const fund = await fundDocument(fundId);
    expect([fund.balanceFen, fund.ledgerSequence, fund.ledgerEpoch]).toEqual([70_000, 2, 1]);
  });
});

describe('an approval whose process died', () => {
  it('is not taken over while it may be under way, then is resumed and pays once', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 50_000);
    const id = await propose(tester, proposer, fundId, 20_000, graph.resident());
    await approvalDied(id);
    await entryWithoutFundUpdate(fundId, -20_000, new Types.ObjectId(id));

    expect(errorOf(await tester.execute(APPROVE, { id }, approver))).toEqual({ code: 'CONFLICT', message: 'Another approval of this disbursement is under way' });
    expect(dataOf(await tester.execute(STATUS, { id }, approver))).toEqual({ disbursement: { status: 'PROPOSED' } });
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 50_000, ledger: { totalCount: 1, edges: [deposited(1, 50_000, 50_000)] } });

    clock.advance(LEASE_PASSED);
    expect(dataOf(await tester.execute(APPROVE, { id }, approver))).toEqual({ approveDisbursement: { id, status: 'APPROVED', decidedAt: clock.now() } });
    expect(await fundAsRead(fundId)).toEqual({
      balanceFen: 30_000,
      ledger: {
        totalCount: 2,
        edges: [{ node: { sequence: 2, kind: 'DISBURSEMENT', amountFen: -20_000, balanceAfterFen: 30_000, disbursement: { id, status: 'APPROVED' } } }, deposited(1, 50_000, 50_000)],
      },
    });
    expect(await tester.models.LedgerEntry.countDocuments({ fundId })).toBe(2);
  });

  it('is finished without paying again when it died after the payment', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 50_000);
    const id = await propose(tester, proposer, fundId, 45_000, graph.resident());
    await approvalDied(id);
    await entryWithoutFundUpdate(fundId, -45_000, new Types.ObjectId(id));
    await fundUpdateOf(fundId, -45_000);
    clock.advance(LEASE_PASSED);

    // The balance (5,000 fen) could not pay it again: the approval finds its payment made.
    expect(dataOf(await tester.execute(APPROVE, { id }, approver))).toEqual({ approveDisbursement: { id, status: 'APPROVED', decidedAt: clock.now() } });
    expect(await fundAsRead(fundId)).toEqual({
      balanceFen: 5_000,
      ledger: {
        totalCount: 2,
        edges: [{ node: { sequence: 2, kind: 'DISBURSEMENT', amountFen: -45_000, balanceAfterFen: 5_000, disbursement: { id, status: 'APPROVED' } } }, deposited(1, 50_000, 50_000)],
      },
    });
    expect(await tester.models.LedgerEntry.countDocuments({ fundId })).toBe(2);
  });

  it('goes back to PROPOSED when, resumed, the fund can no longer pay it', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 10_000);
    const id = await propose(tester, proposer, fundId, 30_000, graph.resident());
    await approvalDied(id);
    clock.advance(LEASE_PASSED);
    expect(errorOf(await tester.execute(APPROVE, { id }, approver))).toEqual({ code: 'CONFLICT', message: "The fund's balance cannot pay this disbursement" });
    const disbursement = (await tester.models.Disbursement.findById(id).lean())!;
    expect([disbursement.state, disbursement.approvingSince, disbursement.decidedBy]).toEqual(['PROPOSED', null, null]);
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 10_000, ledger: { totalCount: 1, edges: [deposited(1, 10_000, 10_000)] } });
  });
});
