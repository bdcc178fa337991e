import { Types } from 'mongoose';
import { inTransaction, invalidTransition, parseId, requireSignedIn, requireText, returnUpdated, loadForInput, loadTarget, signedInSubject, hexIds, unknownId, type Refusal } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { DISBURSEMENT_FIELDS, type DisbursementDocument } from '../models/disbursement.ts';
import type { ResourceDocument } from '../models/resource.ts';
import { amountError, canDecide, mayApprove } from '../domain/fund-rules.ts';
import { MAX_NOTE_LENGTH } from '../domain/text-limits.ts';
import { recordMovement } from '../persistence/fund-movements.ts';
import { approveAndPay } from '../persistence/disbursement-approval.ts';
import { fetchResidentPath } from '../graph/residents.ts';
import { isServed } from '../domain/resource-rules.ts';
import { requireManagerOrService, requireResourceManager } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { rejectRuleError } from '../inputs/rule-errors.ts';
import {
  approveOwnProposal,
  approveUnmanagedDisbursement,
  depositIntoUnmanagedFund,
  notAFund,
  proposeFromUnmanagedFund,
  readUnmanagedDisbursement,
  recipientNotServed,
  rejectUnmanagedDisbursement,
} from '../errors.ts';

export const fundQueries: QueryResolvers = {
  disbursement: async (_parent, { id }, { viewer, loaders }) => {
    requireSignedIn(viewer);
    const disbursement = await loaders.disbursement.load(id);
    if (disbursement) requireManagerOrService(viewer, disbursement.servedPath, readUnmanagedDisbursement);
    return disbursement;
  },
};

export const fundMutations: MutationResolvers = {
  depositToFund: async (_parent, { input }, context) => {
    const by = signedInSubject(context.viewer);
    const fund = await managedFund(context, input.fundId, depositIntoUnmanagedFund);
    rejectRuleError(amountError('amountFen', input.amountFen));
    const note = requireText('note', input.note, { max: MAX_NOTE_LENGTH });
    const deposit = { _id: new Types.ObjectId(), kind: 'DEPOSIT' as const, amountFen: input.amountFen, note, recordedBy: by };
    return inTransaction(context.models.Resource.db, (session) => recordMovement(context.models, fund._id, deposit, context.clock.now(), session));
  },

  proposeDisbursement: async (_parent, { input }, context) => {
    const proposedBy = signedInSubject(context.viewer);
    const fund = await managedFund(context, input.fundId, proposeFromUnmanagedFund);
    rejectRuleError(amountError('amountFen', input.amountFen));
    const reason = requireText('reason', input.reason, { max: MAX_NOTE_LENGTH });
    const recipientId = parseId('recipientId', input.recipientId);
    const home = await fetchResidentPath(context.graph, recipientId.toHexString());
    if (!home) throw unknownId('recipientId', 'resident');
    if (!isServed(hexIds(fund.servedPath), home)) throw recipientNotServed();
    const disbursement: DisbursementDocument = {
      _id: new Types.ObjectId(),
      fundId: fund._id,
      servedPath: fund.servedPath,
      recipientId,
      amountFen: input.amountFen,
      reason,
      state: 'PROPOSED',
      proposedBy,
      proposedAt: context.clock.now(),
      decidedBy: null,
      decidedAt: null,
      rejectionReason: null,
    };
    await context.models.Disbursement.create(disbursement);
    return disbursement;
  },

  approveDisbursement: async (_parent, { id }, context) => {
    const approver = signedInSubject(context.viewer);
    const disbursement = await decisionTarget(context, id, approveUnmanagedDisbursement);
    if (!mayApprove(disbursement.proposedBy, approver)) throw approveOwnProposal();
    if (!canDecide(disbursement.state)) throw invalidTransition('Disbursement', disbursement.state, 'be approved');
    const approved = await inTransaction(context.models.Disbursement.db, (session) => approveAndPay(context.models, disbursement, approver, context.clock.now(), session));
    return approved ?? (await decidedMeanwhile(context, disbursement, 'be approved'));
  },

  rejectDisbursement: async (_parent, { id, reason }, context) => {
    const decidedBy = signedInSubject(context.viewer);
    const disbursement = await decisionTarget(context, id, rejectUnmanagedDisbursement);
    if (!canDecide(disbursement.state)) throw invalidTransition('Disbursement', disbursement.state, 'be rejected');
    const rejectionReason = requireText('reason', reason, { max: MAX_NOTE_LENGTH });
    const rejected = await context.models.Disbursement.findOneAndUpdate(
      { _id: disbursement._id, state: 'PROPOSED' },
      { $set: { state: 'REJECTED', decidedBy, decidedAt: context.clock.now(), rejectionReason } },
      returnUpdated(DISBURSEMENT_FIELDS),
    ).lean<DisbursementDocument>();
    if (!rejected) return decidedMeanwhile(context, disbursement, 'be rejected');
    return rejected;
  },
};

/** A FUND resource named by an input field, which the caller manages. */
async function managedFund({ viewer, loaders }: Context, rawId: string, refusal: Refusal): Promise<ResourceDocument> {
  requireSignedIn(viewer);
  const fund = await loadForInput(loaders.resource, 'fundId', rawId, 'fund');
  if (fund.kind !== 'FUND') throw notAFund();
  requireResourceManager(viewer, fund.servedPath, refusal);
  return fund;
}

/** A disbursement that the caller, a manager of its fund, decides on. */
async function decisionTarget({ viewer, loaders }: Context, id: string, refusal: Refusal): Promise<DisbursementDocument> {
  requireSignedIn(viewer);
  const disbursement = await loadTarget(loaders.disbursement, id, 'Disbursement');
  requireResourceManager(viewer, disbursement.servedPath, refusal);
  return disbursement;
}

/** Another decision came first: report the state it left. */
async function decidedMeanwhile({ models }: Context, disbursement: DisbursementDocument, action: string): Promise<never> {
  const now = await models.Disbursement.findById(disbursement._id, { state: 1 }).lean<Pick<DisbursementDocument, 'state'>>();
  throw invalidTransition('Disbursement', now?.state ?? disbursement.state, action);
}
