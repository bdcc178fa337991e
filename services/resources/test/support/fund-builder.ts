import type { Viewer } from '@civic/identity';
import type { SubgraphTester } from '@civic/test-harness';
import type { Models } from '../../src/models/index.ts';
import { createResource, inputs } from './resource-builder.ts';
import { dataOf } from '@civic/test-harness';

/** Funds and proposals in subgraph tests, made through the service's own mutations. */

export const DEPOSIT = `mutation($input: DepositToFundInput!) { depositToFund(input: $input) { sequence kind amountFen balanceAfterFen note } }`;
export const PROPOSE = `mutation($input: ProposeDisbursementInput!) { proposeDisbursement(input: $input) { id status amountFen reason recipient { id } } }`;
export const APPROVE = `mutation($id: ID!) { approveDisbursement(id: $id) { id status decidedAt } }`;

/** A community's hardship fund holding `balanceFen` from one deposit. */
export async function aFund(tester: SubgraphTester<Models>, manager: Viewer, communityId: string, balanceFen: number): Promise<string> {
  const fundId = await createResource(tester, manager, inputs.fund(communityId, communityId));
  dataOf(await tester.execute(DEPOSIT, { input: { fundId, amountFen: balanceFen, note: '街道年度拨款' } }, manager));
  return fundId;
}

export async function propose(tester: SubgraphTester<Models>, proposer: Viewer, fundId: string, amountFen: number, recipientId: string): Promise<string> {
  const result = await tester.execute(PROPOSE, { input: { fundId, recipientId, amountFen, reason: '大病住院探望慰问金' } }, proposer);
  return dataOf<{ proposeDisbursement: { id: string } }>(result).proposeDisbursement.id;
}
