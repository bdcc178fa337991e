import { afterAll, beforeAll, expect, it } from 'vitest';
import { print } from 'graphql';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import { aHardshipFund, asUser } from './support/graph-builders.ts';
import { invalidInput, notAnId, unknownId } from '@civic/service-kit';
import { amountOutOfRange } from '../src/domain/fund-rules.ts';
import { approveOwnProposal } from '../src/errors.ts';
import { graphql } from '../src/generated/graph/gql.ts';

// Through the gateway, as users would: the community office proposes a hardship allowance for a
// resident made poor by illness, a colleague approves it, and the fund's ledger shows it. (The
// wishes subgraph is in the stack because this SDL @requires fields of Wish.)
let stack: Stack;
let world: World;
let fundId: string;
let recipientId: string;
let proposer: string;
let approver: string;

const PROPOSE = graphql(`mutation ResourcesTestPropose($input: ProposeDisbursementInput!) { proposeDisbursement(input: $input) { id status } }`);

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph] });
  world = await aWorld(stack);
  recipientId = await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '王桂兰', specialCare: ['ILLNESS_POVERTY'] });
  fundId = await aHardshipFund(world, 500_000);
  proposer = await stack.token({ subject: 'staff:li-hong', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  approver = await stack.token({ subject: 'staff:wang-min', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
}, 120_000);

afterAll(() => stack.stop());

it('pays a hardship allowance proposed by one worker and approved by another, visible in the ledger', async () => {
  const proposed = await asUser(stack, proposer, PROPOSE, {
    input: { fundId, recipientId, amountFen: 200_000, reason: '大病住院困难补助' },
  });
  const id = proposed.proposeDisbursement.id;
  expect(proposed.proposeDisbursement).toEqual({ id, status: 'PROPOSED' });

  const byProposer = await stack.query(`mutation($id: ID!){ approveDisbursement(id: $id) { id } }`, { id }, { token: proposer });
  expect(byProposer.errors.map(summaryOf)).toEqual([
    summaryOf(approveOwnProposal()),
  ]);
  const approved = await stack.query(`mutation($id: ID!){ approveDisbursement(id: $id) { status recipient { name } } }`, { id }, { token: approver });
  expect(approved.errors).toEqual([]);
  expect(approved.data).toEqual({ approveDisbursement: { status: 'APPROVED', recipient: { name: '王桂兰' } } });

  const ledger = await stack.query(
    `query($id: ID!){ organisation(id: $id) { name funds { totalCount edges { node { resource { title } balanceFen ledger(first: 10) { totalCount edges { node {
      kind amountFen balanceAfterFen note disbursement { reason status recipient { name } } } } } } } } } }`,
    { id: world.communityId },
    { token: approver },
  );
  expect(ledger.errors).toEqual([]);
  expect(ledger.data).toEqual({
    organisation: {
      name: '新城社区党委',
      funds: {
        totalCount: 1,
        edges: [
          {
            node: {
          resource: { title: '困难群众帮扶基金' },
          balanceFen: 300_000,
          ledger: {
            totalCount: 2,
            edges: [
              { node: { kind: 'DISBURSEMENT', amountFen: -200_000, balanceAfterFen: 300_000, note: '大病住院困难补助', disbursement: { reason: '大病住院困难补助', status: 'APPROVED', recipient: { name: '王桂兰' } } } },
              { node: { kind: 'DEPOSIT', amountFen: 500_000, balanceAfterFen: 500_000, note: '街道年度帮扶资金拨款', disbursement: null } },
            ],
          },
            },
          },
        ],
      },
    },
  });
});

it('answers bad input with a clear error naming the field, and writes nothing', async () => {
  const models = stack.subgraph('resources').models as unknown as { Disbursement: { countDocuments(): Promise<number> } };
  const before = await models.Disbursement.countDocuments();
  const attempts = [
    { amountFen: 0, recipientId, refusal: invalidInput(amountOutOfRange('amountFen')) },
    { amountFen: 10_000, recipientId: world.branchId, refusal: unknownId('recipientId', 'resident') },
    { amountFen: 10_000, recipientId: '王桂兰', refusal: notAnId('recipientId') },
  ];
  for (const attempt of attempts) {
    const response = await stack.query(print(PROPOSE), { input: { fundId, recipientId: attempt.recipientId, amountFen: attempt.amountFen, reason: '困难补助' } }, { token: proposer });
    expect(response.errors.map(summaryOf)).toEqual([summaryOf(attempt.refusal)]);
  }
  expect(await models.Disbursement.countDocuments()).toBe(before);
});
