import { Types } from 'mongoose';
import { paginate, parseId, requireSignedIn, requireText, loadForInput, invalidInput } from '@civic/service-kit';
import type { ContactPersonInput, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { AGREEMENT_FIELDS, type AgreementDocument, type ContactPerson } from '../models/agreement.ts';
import { agreementPartyError, deadlineError, type AgreementParty } from '../domain/agreement-rules.ts';
import { isWithin } from '../domain/organisation-tree.ts';
import { isPhoneNumber, normalisePhone } from '../domain/contact.ts';
import { MAX_PERSON_NAME_LENGTH } from '../domain/text-limits.ts';
import { requireTreeManager } from '../authorisation.ts';
import { NEWEST_AGREEMENT_FIRST } from '../loaders.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { notAPhoneNumber, ownersCommitteeOutsideCommunity, signAgreementOutOfScope } from '../errors.ts';

export const agreementQueries: QueryResolvers = {
  agreement: (_parent, { id }, { loaders }) => loaders.agreement.load(id),
  agreements: (_parent, { communityId, first, after }, { models }) =>
    paginate(models.Agreement, { communityId: parseId('communityId', communityId) }, { first, after }, NEWEST_AGREEMENT_FIRST, AGREEMENT_FIELDS),
};

export const agreementMutations: MutationResolvers = {
  signAgreement: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const [community, ownersCommittee, propertyCompany] = await Promise.all([
      loadForInput(loaders.organisation, 'communityId', input.communityId, 'organisation'),
      loadForInput(loaders.organisation, 'ownersCommitteeId', input.ownersCommitteeId, 'organisation'),
      loadForInput(loaders.organisation, 'propertyCompanyId', input.propertyCompanyId, 'organisation'),
    ]);
    requireTreeManager(viewer, community.path, signAgreementOutOfScope);
    requirePartyKind('community', community);
    requirePartyKind('ownersCommittee', ownersCommittee);
    requirePartyKind('propertyCompany', propertyCompany);
    // The owners' committee is the community's own; a property company may serve many communities.
    if (!isWithin(ownersCommittee.path, community._id)) throw ownersCommitteeOutsideCommunity();
    const deadlines = deadlineError(input.responseDeadlineHours, input.resolutionDeadlineHours);
    if (deadlines) throw invalidInput(deadlines);

    const document: AgreementDocument = {
      _id: new Types.ObjectId(),
      communityId: community._id,
      ownersCommitteeId: ownersCommittee._id,
      propertyCompanyId: propertyCompany._id,
      partyIds: [community._id, ownersCommittee._id, propertyCompany._id],
      contacts: {
        community: parseContactPerson('communityContact', input.communityContact),
        ownersCommittee: parseContactPerson('ownersCommitteeContact', input.ownersCommitteeContact),
        propertyCompany: parseContactPerson('propertyCompanyContact', input.propertyCompanyContact),
      },
      responseDeadlineHours: input.responseDeadlineHours,
      resolutionDeadlineHours: input.resolutionDeadlineHours,
      signedOn: input.signedOn,
      createdAt: clock.now(),
    };
    await models.Agreement.create(document);
    return document;
  },
};

function requirePartyKind(party: AgreementParty, organisation: OrganisationDocument): void {
  const problem = agreementPartyError(party, organisation.kind);
  if (problem) throw invalidInput(problem);
}

function parseContactPerson(field: string, contact: ContactPersonInput): ContactPerson {
  const name = requireText(`${field}.name`, contact.name, { max: MAX_PERSON_NAME_LENGTH });
  const phone = normalisePhone(contact.phone);
  if (!isPhoneNumber(phone)) throw notAPhoneNumber(`${field}.phone`);
  return { name, phone };
}
