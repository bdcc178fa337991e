import { isStaff } from '@civic/identity';
import { notFound, paginate, parseId, requireResident, requireSignedIn, requireStaffCovering, signedInSubject } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import type { DataCorrectionRequestDocument } from '../models/index.ts';
import { chinaYear } from '../domain/china-time.ts';
import { correctionChanges, correctionNote, decisionNote, proposedValueText } from '../domain/data-correction.ts';
import { updatedFacts } from '../domain/personal-facts.ts';
import { decideCorrection, recordCorrectionRequest } from '../persistence/data-corrections.ts';
import { factsOf } from '../persistence/personal-facts.ts';
import { fetchOrganisationPath } from '../graph/organisations.ts';
import { decideCorrectionOutOfScope, listCorrectionsOutOfScope, requestCorrectionWithoutResidentAccount } from '../errors.ts';

/**
 * Who may:
 * - requestDataCorrection, myDataCorrectionRequests: the signed-in resident, for themself;
 * - dataCorrectionRequests, decideDataCorrection: staff whose scope covers the organisation, or
 *   where the resident lived when asking.
 */

const NEWEST_FIRST = { field: 'requestedAt', direction: -1 } as const;

export const dataCorrectionQueries: QueryResolvers = {
  myDataCorrectionRequests: (_parent, { first, after }, context) => {
    const residentId = requireResident(context.viewer, requestCorrectionWithoutResidentAccount);
    return paginate(context.models.DataCorrectionRequest, { residentId }, { first, after }, NEWEST_FIRST);
  },
  dataCorrectionRequests: async (_parent, { organisationId, status, first, after }, context) => {
    const organisation = parseId('organisationId', organisationId);
    requireSignedIn(context.viewer);
    if (!isStaff(context.viewer)) throw listCorrectionsOutOfScope();
    const path = await fetchOrganisationPath(context.graph, organisationId);
    if (!path) throw notFound('Organisation', organisationId);
    requireStaffCovering(context.viewer, path, listCorrectionsOutOfScope);
    const filter = status ? { organisationPath: organisation, status } : { organisationPath: organisation };
    return paginate(context.models.DataCorrectionRequest, filter, { first, after }, NEWEST_FIRST);
  },
};

export const dataCorrectionMutations: MutationResolvers = {
  requestDataCorrection: async (_parent, { input }, context) => {
    const residentId = requireResident(context.viewer, requestCorrectionWithoutResidentAccount);
    const proposedValue = proposedValueText(input.proposedValue);
    const note = correctionNote('note', input.note);
    const resident = await context.loaders.resident.load(residentId.toHexString());
    if (!resident) throw notFound('Resident', residentId.toHexString());
    const now = context.clock.now();
    // Checked now as the update would check it, so the resident hears at once of a value that cannot apply.
    const changes = correctionChanges(input.field, proposedValue);
    if (changes) updatedFacts(factsOf(resident), changes, chinaYear(now));
    return recordCorrectionRequest(context.models, resident, { field: input.field, proposedValue, note }, now);
  },
  decideDataCorrection: async (_parent, { id, accept, note }, context) => {
    requireSignedIn(context.viewer);
    parseId('id', id);
    const request = await context.models.DataCorrectionRequest.findById(id).lean<DataCorrectionRequestDocument>();
    if (!request) throw notFound('DataCorrectionRequest', id);
    requireStaffCovering(context.viewer, request.organisationPath, decideCorrectionOutOfScope);
    const decision = { accept, note: decisionNote(accept, note), decidedBy: signedInSubject(context.viewer) };
    const now = context.clock.now();
    return decideCorrection(context.models, request, decision, chinaYear(now), now);
  },
};
