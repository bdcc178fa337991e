import { inTransaction, invalidTransition, isDuplicateKeyOn, recordRequestEvents } from '@civic/service-kit';
import type { Models, ResidentDocument } from '../models/index.ts';
import { ONE_OPEN_CORRECTION_PER_FACT, type DataCorrectionRequestDocument } from '../models/data-correction-request.ts';
import { correctionChanges, type CorrectableFact } from '../domain/data-correction.ts';
import { changedFacts, updatedFacts } from '../domain/personal-facts.ts';
import { correctionAlreadyOpen, residentGone } from '../errors.ts';
import { factsOf, saveFacts } from './personal-facts.ts';

/**
 * A correction request and its decision, each in one transaction with its event, so the community's
 * inbox and the resident's hear of exactly what was stored. Deciding is a conditional update on
 * the OPEN status: of racing decisions one wins, and the others, retried by the driver after the
 * write conflict, find the request decided (INVALID_TRANSITION). The accepted value is applied to
 * the resident in the same transaction, so a value refused as updateResident refuses it leaves
 * the request open and the resident as they were.
 */

export interface CorrectionProposal {
  field: CorrectableFact;
  proposedValue: string;
  note: string | null;
}

export async function recordCorrectionRequest(models: Models, resident: ResidentDocument, proposal: CorrectionProposal, now: Date): Promise<DataCorrectionRequestDocument> {
  try {
    return await inTransaction(models.DataCorrectionRequest.db, async (session) => {
      const [created] = await models.DataCorrectionRequest.create(
        [
          {
            ...proposal,
            residentId: resident._id,
            communityId: resident.communityId,
            organisationPath: resident.organisationPath,
            status: 'OPEN',
            requestedAt: now,
          },
        ],
        { session },
      );
      const request = created!.toObject() as DataCorrectionRequestDocument;
      const facts = { requestId: request._id.toHexString(), residentId: resident._id.toHexString(), communityId: resident.communityId.toHexString(), field: proposal.field };
      await recordRequestEvents(models.Outbox, session, [{ kind: 'dataCorrection.requested', facts }], now);
      return request;
    });
  } catch (error) {
    if (isDuplicateKeyOn(error, ONE_OPEN_CORRECTION_PER_FACT)) throw correctionAlreadyOpen(proposal.field);
    throw error;
  }
}

export interface CorrectionDecision {
  accept: boolean;
  note: string | null;
  decidedBy: string;
}

export function decideCorrection(
  models: Models,
  request: DataCorrectionRequestDocument,
  decision: CorrectionDecision,
  currentYear: number,
  now: Date,
): Promise<DataCorrectionRequestDocument> {
  const changes = decision.accept ? correctionChanges(request.field, request.proposedValue) : null;
  return inTransaction(models.DataCorrectionRequest.db, async (session) => {
    const decided = await models.DataCorrectionRequest.findOneAndUpdate(
      { _id: request._id, status: 'OPEN' },
      {
        $set: {
          status: decision.accept ? 'ACCEPTED' : 'REJECTED',
          decidedAt: now,
          decidedBy: decision.decidedBy,
          decisionNote: decision.note,
          applied: changes !== null,
        },
      },
      { returnDocument: 'after', session },
    ).lean<DataCorrectionRequestDocument>();
    if (!decided) {
      const current = await models.DataCorrectionRequest.findById(request._id, { status: 1 }, { session }).lean();
      throw invalidTransition('DataCorrectionRequest', current?.status ?? request.status, decision.accept ? 'ACCEPT' : 'REJECT');
    }
    if (changes) {
      const resident = await models.Resident.findById(request.residentId, null, { session }).lean<ResidentDocument>();
      if (!resident) throw residentGone('id');
      const before = factsOf(resident);
      const after = updatedFacts(before, changes, currentYear);
      await saveFacts(models, resident, after, changedFacts(before, after), now, 'id', session);
    }
    const facts = { requestId: request._id.toHexString(), residentId: request.residentId.toHexString(), field: request.field, accepted: decision.accept };
    await recordRequestEvents(models.Outbox, session, [{ kind: 'dataCorrection.decided', facts }], now);
    return decided;
  });
}
