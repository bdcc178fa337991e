import { Types } from 'mongoose';
import { invalidTransition, requireSignedIn, requireText, returnUpdated, loadForInput, loadReferenced, loadTarget, uniquely, invalidInput } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { PARTNERSHIP_FIELDS, type PartnershipDocument } from '../models/partnership.ts';
import { MAX_COMMITMENTS, partnershipSideError } from '../domain/partnership-rules.ts';
import { MAX_COMMITMENT_LENGTH } from '../domain/text-limits.ts';
import { requireTreeManager } from '../authorisation.ts';
import { commitmentCountOutOfRange, createPartnershipOutOfScope, endPartnershipOutOfScope, partnershipAlreadyActive } from '../errors.ts';

export const partnershipQueries: QueryResolvers = {
  partnership: (_parent, { id }, { loaders }) => loaders.partnership.load(id),
};

export const partnershipMutations: MutationResolvers = {
  createPartnership: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const [community, unit] = await Promise.all([
      loadForInput(loaders.organisation, 'communityId', input.communityId, 'organisation'),
      loadForInput(loaders.organisation, 'unitId', input.unitId, 'organisation'),
    ]);
    requireTreeManager(viewer, community.path, createPartnershipOutOfScope);
    const communityProblem = partnershipSideError('community', community.kind);
    if (communityProblem) throw invalidInput(communityProblem);
    const unitProblem = partnershipSideError('unit', unit.kind);
    if (unitProblem) throw invalidInput(unitProblem);
    if (input.commitments.length === 0 || input.commitments.length > MAX_COMMITMENTS) throw commitmentCountOutOfRange(MAX_COMMITMENTS);
    const commitments = input.commitments.map((commitment, index) => requireText(`commitments[${index}]`, commitment, { max: MAX_COMMITMENT_LENGTH }));

    const document: PartnershipDocument = {
      _id: new Types.ObjectId(),
      communityId: community._id,
      unitId: unit._id,
      sideIds: [community._id, unit._id],
      commitments,
      since: input.since,
      status: 'ACTIVE',
      endedAt: null,
      createdAt: clock.now(),
    };
    await uniquely(() => models.Partnership.create(document), partnershipAlreadyActive);
    return document;
  },

  endPartnership: async (_parent, { id }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const partnership = await loadTarget(loaders.partnership, id, 'Partnership');
    const community = await loadReferenced(loaders.organisation, partnership.communityId, 'Organisation');
    requireTreeManager(viewer, community.path, endPartnershipOutOfScope);
    // Only an ACTIVE pairing ends; the condition sits in the update, so two callers cannot both end it.
    const ended = await models.Partnership.findOneAndUpdate(
      { _id: partnership._id, status: 'ACTIVE' },
      { $set: { status: 'ENDED', endedAt: clock.now() } },
      returnUpdated(PARTNERSHIP_FIELDS),
    ).lean<PartnershipDocument>();
    if (!ended) throw invalidTransition('Partnership', 'ENDED', 'end');
    return ended;
  },
};
