import { Types } from 'mongoose';
import { badUserInput, conflict, forbidden, invalidTransition, parseId, requireSignedIn, requireText } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import type { DisbursementDocument } from '../models/disbursement.ts';
import type { ResourceDocument } from '../models/resource.ts';
import { amountError, canDecide, mayApprove, visibleStatus } from '../domain/fund-rules.ts';
import { MAX_NOTE_LENGTH } from '../domain/text-limits.ts';
import { approve, deposit } from '../persistence/fund-movements.ts';
import { residentExists } from '../graph/graph-facts.ts';
import { requireManagerOrReader, requireResourceManager, signedInSubject } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { RETURN_UPDATED, loadForInput, loadTarget, rejectRuleError } from './loading.ts';

export const fundQueries: QueryResolvers = {
  disbursement: async (_parent, { id }, { viewer, loaders }) => {
    requireSignedIn(viewer);
    const disbursement = await loaders.disbursement.load(id);
    if (disbursement) requireManagerOrReader(viewer, disbursement.servedPath, 'read this disbursement');
    return disbursement;
  },
};

export const fundMutations: MutationResolvers = {
  depositToFund: async (_parent, { input }, context) => {
    const by = signedInSubject(context.viewer);
    const fund = await managedFund(context, input.fundId, 'deposit into this fund');
    rejectRuleError(amountError('amountFen', input.amountFen));
    const note = requireText('note', input.note, { max: MAX_NOTE_LENGTH });
    const entry = await deposit(context.models, fund._id, input.amountFen, note, by, context.clock.now());
    if (!entry) throw badUserInput('fundId', 'is not a fund');
    return entry;
  },

  proposeDisbursement: async (_parent, { input }, context) => {
    const proposedBy = signedInSubject(context.viewer);
    const fund = await managedFund(context, input.fundId, 'propose a disbursement from this fund');
    rejectRuleError(amountError('amountFen', input.amountFen));
    const reason = requireText('reason', input.reason, { max: MAX_NOTE_LENGTH });
    const recipientId = parseId('recipientId', input.recipientId);
    if (!(await residentExists(context.graph, recipientId.toHexString()))) throw badUserInput('recipientId', 'no resident has this id');
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
    const disbursement = await decidable(context, id, 'approve');
    if (!mayApprove(disbursement.proposedBy, approver)) throw forbidden('approve a disbursement you proposed');
    const outcome = await approve(context.models, disbursement, approver, context.clock.now());
    if ('approved' in outcome) return outcome.approved;
    if (outcome.refused === 'INSUFFICIENT_BALANCE') throw conflict("The fund's balance cannot pay this disbursement");
    throw await decidedMeanwhile(context, disbursement, 'be approved');
  },

  rejectDisbursement: async (_parent, { id, reason }, context) => {
    const decidedBy = signedInSubject(context.viewer);
    const disbursement = await decidable(context, id, 'reject');
    const rejectionReason = requireText('reason', reason, { max: MAX_NOTE_LENGTH });
    const rejected = await context.models.Disbursement.findOneAndUpdate(
      { _id: disbursement._id, state: 'PROPOSED' },
      { $set: { state: 'REJECTED', decidedBy, decidedAt: context.clock.now(), rejectionReason } },
      RETURN_UPDATED,
    ).lean<DisbursementDocument>();
    if (!rejected) throw await decidedMeanwhile(context, disbursement, 'be rejected');
    return rejected;
  },
};

/** A FUND resource named by an input field, which the caller manages. */
async function managedFund({ viewer, loaders }: Context, rawId: string, action: string): Promise<ResourceDocument> {
  requireSignedIn(viewer);
  const fund = await loadForInput(loaders.resource, 'fundId', rawId, 'fund');
  if (fund.kind !== 'FUND') throw badUserInput('fundId', 'is not a fund');
  requireResourceManager(viewer, fund.servedPath, action);
  return fund;
}

/** A disbursement still to be decided by a manager of its fund. */
async function decidable({ viewer, loaders }: Context, id: string, verb: 'approve' | 'reject'): Promise<DisbursementDocument> {
  requireSignedIn(viewer);
  const disbursement = await loadTarget(loaders.disbursement, id, 'Disbursement');
  requireResourceManager(viewer, disbursement.servedPath, `${verb} this disbursement`);
  if (!canDecide(disbursement.state)) throw invalidTransition('Disbursement', visibleStatus(disbursement.state), `be ${verb}d`);
  return disbursement;
}

/** Another decision came first: report the state it left. */
async function decidedMeanwhile({ models }: Context, disbursement: DisbursementDocument, action: string) {
  const now = await models.Disbursement.findById(disbursement._id, { state: 1 }).lean<Pick<DisbursementDocument, 'state'>>();
  return invalidTransition('Disbursement', visibleStatus(now?.state ?? disbursement.state), action);
}
