import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, type SubgraphTester, commandsSince, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { aFundOffice } from './support/fund-office.ts';
import { createResource, inputs } from './support/resource-builder.ts';
import { APPROVE, DEPOSIT, PROPOSE, aFund as aFundOf, propose as proposeFrom } from './support/fund-builder.ts';
import { analyst } from './support/viewers.ts';
import { emptyText, invalidInput, invalidTransition, unknownId } from '@civic/service-kit';
import { amountOutOfRange } from '../src/domain/fund-rules.ts';
import { approveOwnProposal, fundCannotPay, notAFund, proposeFromUnmanagedFund, readUnmanagedFundBalance, readUnmanagedFundLedger, recipientNotServed } from '../src/errors.ts';

const { clock, graph, tree, proposer, approver } = aFundOffice();
let tester: SubgraphTester<Models>;

const REJECT = `mutation($id: ID!, $reason: String!) { rejectDisbursement(id: $id, reason: $reason) { id status rejectionReason } }`;
const FUND = `query($id: ID!) { resource(id: $id) { fund { balanceFen ledger(first: 50) { totalCount edges { node { sequence kind amountFen balanceAfterFen note disbursement { id } } } } } } }`;

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
});

afterAll(async () => {
  await tester.close();
});

const aFund = (balanceFen: number) => aFundOf(tester, proposer, tree.community, balanceFen);
const propose = (fundId: string, amountFen: number) => proposeFrom(tester, proposer, fundId, amountFen, graph.resident());

describe('disbursements', () => {
  it('pays a disbursement proposed by one person and approved by another, and keeps every movement in the ledger', async () => {
    const fundId = await aFund(100_000);
    const recipientId = graph.resident();
    const proposed = await tester.execute(PROPOSE, { input: { fundId, recipientId, amountFen: 30_000, reason: '大病住院探望慰问金' } }, proposer);
    const id = dataOf<{ proposeDisbursement: { id: string } }>(proposed).proposeDisbursement.id;
    expect(dataOf(proposed)).toEqual({ proposeDisbursement: { id, status: 'PROPOSED', amountFen: 30_000, reason: '大病住院探望慰问金', recipient: { id: recipientId } } });

    expectError(await tester.execute(APPROVE, { id }, proposer), approveOwnProposal());
    clock.advance(3600_000);
    expect(dataOf(await tester.execute(APPROVE, { id }, approver))).toEqual({ approveDisbursement: { id, status: 'APPROVED', decidedAt: clock.now() } });
    expectError(await tester.execute(APPROVE, { id }, approver), invalidTransition('Disbursement', 'APPROVED', 'be approved'));

    // Who received money and why is for the fund's managers and services; an analyst reads the balance only.
    const byAnalyst = await tester.execute(`query($id: ID!) { resource(id: $id) { fund { balanceFen ledger { totalCount } } } }`, { id: fundId }, analyst);
    expect(byAnalyst.data).toEqual({ resource: { fund: { balanceFen: 70_000, ledger: null } } });
    expectError(byAnalyst, readUnmanagedFundLedger());
    expect(dataOf(await tester.execute(FUND, { id: fundId }, approver))).toEqual({
      resource: {
        fund: {
          balanceFen: 70_000,
          ledger: {
            totalCount: 2,
            edges: [
              { node: { sequence: 2, kind: 'DISBURSEMENT', amountFen: -30_000, balanceAfterFen: 70_000, note: '大病住院探望慰问金', disbursement: { id } } },
              { node: { sequence: 1, kind: 'DEPOSIT', amountFen: 100_000, balanceAfterFen: 100_000, note: '街道年度拨款', disbursement: null } },
            ],
          },
        },
      },
    });
  });

  it('never overdraws: of 8 simultaneous approvals of 100 yuan from 400 yuan exactly 4 pass, round after round', async () => {
    await repeatRace(async () => {
      const fundId = await aFund(40_000);
      const ids = await Promise.all(Array.from({ length: 8 }, () => propose(fundId, 10_000)));
      const results = await Promise.all(ids.map((id) => tester.execute(APPROVE, { id }, approver)));
      const refusals = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(refusals).toEqual(Array.from({ length: 4 }, () => summaryOf(fundCannotPay())));

      const fund = dataOf<{ resource: { fund: { balanceFen: number; ledger: { totalCount: number; edges: { node: { sequence: number; kind: string; amountFen: number; balanceAfterFen: number } }[] } } } }>(
        await tester.execute(FUND, { id: fundId }, approver),
      ).resource.fund;
      expect(fund.balanceFen).toBe(0);
      expect(fund.ledger.totalCount).toBe(5);
      // The deposit, then four payments with consecutive sequences, each balance following from the one before.
      expect(fund.ledger.edges.map(({ node }) => [node.sequence, node.kind, node.amountFen, node.balanceAfterFen])).toEqual(
        Array.from({ length: 5 }, (_, index) => 4 - index).map((paid) => [paid + 1, paid === 0 ? 'DEPOSIT' : 'DISBURSEMENT', paid === 0 ? 40_000 : -10_000, 40_000 - paid * 10_000]),
      );
      expect(await tester.models.LedgerEntry.countDocuments({ fundId })).toBe(5);
      const states = await tester.models.Disbursement.find({ fundId }, { state: 1 }).lean();
      expect(states.filter((entry) => entry.state === 'APPROVED').length).toBe(4);
      expect(states.filter((entry) => entry.state === 'PROPOSED').length).toBe(4);
    });
  }, RACE_TIMEOUT);

  it('moves money in a fixed, small number of database commands', async () => {
    const fundId = await aFund(50_000);
    const id = await propose(fundId, 20_000);
    tester.commands.reset();
    dataOf(await tester.execute(DEPOSIT, { input: { fundId, amountFen: 10_000, note: '社会捐赠' } }, proposer));
    // The fund read by the resolver, then one transaction: the balance with its sequence, the entry, the commit.
    expect(commandsSince(tester.commands)).toEqual([
      { name: 'commitTransaction', collection: null },
      { name: 'insert', collection: 'fund_ledger_entries' },
      { name: 'find', collection: 'resources' },
      { name: 'findAndModify', collection: 'resources' },
    ]);
    tester.commands.reset();
    dataOf(await tester.execute(APPROVE, { id }, approver));
    // The proposal read by the resolver, then one transaction: the decision, the balance, the entry, its event, the commit.
    expect(commandsSince(tester.commands)).toEqual([
      { name: 'commitTransaction', collection: null },
      { name: 'find', collection: 'disbursements' },
      { name: 'findAndModify', collection: 'disbursements' },
      { name: 'insert', collection: 'fund_ledger_entries' },
      { name: 'insert', collection: 'outbox' },
      { name: 'findAndModify', collection: 'resources' },
    ]);
  });

  it('lets one of two simultaneous approvals of one proposal pay, round after round', async () => {
    const second = staff('STREET_ADMIN', [tree.street], 'staff:zhao-gang');
    await repeatRace(async () => {
      const fundId = await aFund(50_000);
      const id = await propose(fundId, 20_000);
      const results = await Promise.all([tester.execute(APPROVE, { id }, approver), tester.execute(APPROVE, { id }, second)]);
      expect(results.filter((result) => result.errors.length === 0).length).toBe(1);
      // The other finds it approved: the two transactions conflict on the proposal, and the one run again reads the decision.
      const loser = results.find((result) => result.errors.length > 0)!;
      expectError(loser, invalidTransition('Disbursement', 'APPROVED', 'be approved'));
      expect(await tester.models.LedgerEntry.countDocuments({ fundId })).toBe(2);
      expect((await tester.models.Resource.findById(fundId).lean())!.balanceFen).toBe(30_000);
    });
  }, RACE_TIMEOUT);

  it('rejects a proposal with a reason, after which it cannot be approved', async () => {
    const fundId = await aFund(50_000);
    const id = await propose(fundId, 20_000);
    expect(dataOf(await tester.execute(REJECT, { id, reason: '已由民政部门救助' }, approver))).toEqual({
      rejectDisbursement: { id, status: 'REJECTED', rejectionReason: '已由民政部门救助' },
    });
    expectError(await tester.execute(APPROVE, { id }, approver), invalidTransition('Disbursement', 'REJECTED', 'be approved'));
    expect(dataOf(await tester.execute(`query($id: ID!) { resource(id: $id) { fund { balanceFen disbursements(status: REJECTED) { edges { node { id } } totalCount } } } }`, { id: fundId }, approver))).toEqual({
      resource: { fund: { balanceFen: 50_000, disbursements: { edges: [{ node: { id } }], totalCount: 1 } } },
    });
  });

  it('refuses bad input and outsiders, writing nothing', async () => {
    const fundId = await aFund(50_000);
    const venue = await createResource(tester, proposer, inputs.venue(tree.community, tree.community));
    const [disbursements, entries] = [await tester.models.Disbursement.countDocuments(), await tester.models.LedgerEntry.countDocuments()];
    const attempt = async (input: Record<string, unknown>, viewer = proposer) =>
      errorOf(await tester.execute(PROPOSE, { input: { fundId, recipientId: graph.resident(), amountFen: 10_000, reason: '困难补助', ...input } }, viewer));
    expect(await attempt({ amountFen: -500 })).toEqual(summaryOf(invalidInput(amountOutOfRange('amountFen'))));
    expect(await attempt({ recipientId: tree.community })).toEqual(summaryOf(unknownId('recipientId', 'resident')));
    expect(await attempt({ recipientId: graph.resident(tree.otherCommunity) })).toEqual(summaryOf(recipientNotServed()));
    expect(await attempt({ reason: ' ' })).toEqual(summaryOf(emptyText('reason')));
    expect(await attempt({ fundId: venue })).toEqual(summaryOf(notAFund()));
    expect(await attempt({}, staff('COMMUNITY_WORKER', [tree.otherCommunity]))).toEqual(summaryOf(proposeFromUnmanagedFund()));
    expect(await attempt({}, resident(graph.resident()))).toEqual(summaryOf(proposeFromUnmanagedFund()));
    expectError(await tester.execute(DEPOSIT, { input: { fundId, amountFen: 0, note: '捐款' } }, proposer), invalidInput(amountOutOfRange('amountFen')));
    const read = await tester.execute(`query($id: ID!) { resource(id: $id) { title fund { balanceFen } } }`, { id: fundId }, resident(graph.resident()));
    expect(read.data).toEqual({ resource: { title: '困难群众帮扶基金', fund: { balanceFen: null } } });
    expectError(read, readUnmanagedFundBalance());
    expect([await tester.models.Disbursement.countDocuments(), await tester.models.LedgerEntry.countDocuments()]).toEqual([disbursements, entries]);
  });
});
