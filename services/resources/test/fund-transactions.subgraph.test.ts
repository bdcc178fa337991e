import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { inTransaction } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { DisbursementDocument } from '../src/models/disbursement.ts';
import { recordMovement } from '../src/persistence/fund-movements.ts';
import { approveAndPay } from '../src/persistence/disbursement-approval.ts';
import { aFundOffice } from './support/fund-office.ts';
import { APPROVE, aFund, propose } from './support/fund-builder.ts';
import { fundCannotPay } from '../src/errors.ts';

// A fund movement and its ledger entry are one transaction: stopped before it commits, it leaves nothing.
const { clock, graph, tree, proposer, approver } = aFundOffice();
let tester: SubgraphTester<Models>;

const FUND = `query($id: ID!) { resource(id: $id) { fund { balanceFen ledger(first: 10) { totalCount edges { node {
  sequence kind amountFen balanceAfterFen disbursement { id status } } } } } } }`;

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
});

afterAll(async () => {
  await tester.close();
});

async function fundAsRead(fundId: string) {
  return dataOf<{ resource: { fund: unknown } }>(await tester.execute(FUND, { id: fundId }, approver)).resource.fund;
}

/** Runs `work` in a transaction that fails after it, as a process dying before the commit would. */
async function failingAfter(work: (session: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<unknown>): Promise<void> {
  const death = new Error('the process died');
  const failed = inTransaction(tester.models.Resource.db, async (session) => {
    await work(session);
    throw death;
  });
  await expect(failed).rejects.toBe(death);
}

const deposited = (sequence: number, amountFen: number, balanceAfterFen: number) => ({ node: { sequence, kind: 'DEPOSIT', amountFen, balanceAfterFen, disbursement: null } });

describe('a fund movement that fails before it commits', () => {
  it('leaves neither the balance change nor the entry, and the next movement takes the next number', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 50_000);
    const deposit = { _id: new Types.ObjectId(), kind: 'DEPOSIT' as const, amountFen: 99_900, note: '处理中断的资金变动', recordedBy: proposer.subject! };
    await failingAfter((session) => recordMovement(tester.models, new Types.ObjectId(fundId), deposit, clock.now(), session));

    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 50_000, ledger: { totalCount: 1, edges: [deposited(1, 50_000, 50_000)] } });
    expect([await tester.models.LedgerEntry.countDocuments({ fundId }), (await tester.models.Resource.findById(fundId).lean())!.ledgerSequence]).toEqual([1, 1]);

    const again = { ...deposit, _id: new Types.ObjectId(), amountFen: 20_000, note: '爱心企业捐款' };
    await inTransaction(tester.models.Resource.db, (session) => recordMovement(tester.models, new Types.ObjectId(fundId), again, clock.now(), session));
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 70_000, ledger: { totalCount: 2, edges: [deposited(2, 20_000, 70_000), deposited(1, 50_000, 50_000)] } });
  });
});

describe('an approval that fails before it commits', () => {
  it('leaves the proposal, the balance and the ledger as they were; approved again, it pays once', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 50_000);
    const id = await propose(tester, proposer, fundId, 20_000, graph.resident());
    const proposal = (await tester.models.Disbursement.findById(id).lean<DisbursementDocument>())!;
    // Approved and paid inside the transaction, then the failure.
    await failingAfter(async (session) => expect((await approveAndPay(tester.models, proposal, approver.subject!, clock.now(), session))!.state).toBe('APPROVED'));

    const stored = (await tester.models.Disbursement.findById(id).lean<DisbursementDocument>())!;
    expect([stored.state, stored.decidedBy, stored.decidedAt]).toEqual(['PROPOSED', null, null]);
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 50_000, ledger: { totalCount: 1, edges: [deposited(1, 50_000, 50_000)] } });

    clock.advance(60_000);
    expect(dataOf(await tester.execute(APPROVE, { id }, approver))).toEqual({ approveDisbursement: { id, status: 'APPROVED', decidedAt: clock.now() } });
    expect(await fundAsRead(fundId)).toEqual({
      balanceFen: 30_000,
      ledger: {
        totalCount: 2,
        edges: [{ node: { sequence: 2, kind: 'DISBURSEMENT', amountFen: -20_000, balanceAfterFen: 30_000, disbursement: { id, status: 'APPROVED' } } }, deposited(1, 50_000, 50_000)],
      },
    });
  });

  it('refused for want of money, leaves the proposal to be decided again', async () => {
    const fundId = await aFund(tester, proposer, tree.community, 10_000);
    const id = await propose(tester, proposer, fundId, 30_000, graph.resident());
    const proposal = (await tester.models.Disbursement.findById(id).lean<DisbursementDocument>())!;
    const refused = inTransaction(tester.models.Resource.db, (session) => approveAndPay(tester.models, proposal, approver.subject!, clock.now(), session));
    await expect(refused).rejects.toThrow(fundCannotPay());
    const stored = (await tester.models.Disbursement.findById(id).lean<DisbursementDocument>())!;
    expect([stored.state, stored.decidedBy, stored.decidedAt]).toEqual(['PROPOSED', null, null]);
    expect(await fundAsRead(fundId)).toEqual({ balanceFen: 10_000, ledger: { totalCount: 1, edges: [deposited(1, 10_000, 10_000)] } });
  });
});
