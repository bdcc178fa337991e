import type { PartnershipDocument } from '../models/partnership.ts';
import type { AgreementDocument, ContactPerson } from '../models/agreement.ts';
import { partnershipSideError, MAX_COMMITMENTS } from '../domain/partnership-rules.ts';
import { agreementPartyError, deadlineError } from '../domain/agreement-rules.ts';
import { isWithin } from '../domain/organisation-tree.ts';
import { isPhoneNumber } from '../domain/contact.ts';
import { chinaTime, fixedDateBetween, givenName, mobilePhone, REFERENCE_DATE, surname, type ObjectIdSource, type Random } from '@civic/seed-kit';
import type { CommunityOrganisations } from './organisations-seed.ts';
import { PARTNERSHIP_COMMITMENTS } from './text/civic-text.ts';

/** The community pairs with each of its co-building units (结对共建). */
export function partnerCommunity(community: CommunityOrganisations, random: Random, ids: ObjectIdSource): PartnershipDocument[] {
  return community.coBuildingUnits.map((unit) => {
    const problem = partnershipSideError('community', community.community.kind) ?? partnershipSideError('unit', unit.kind);
    if (problem) throw new Error(`seed: partnership ${community.name} / ${unit.name}: ${problem}`);
    const since = fixedDateBetween(random, chinaTime(2019, 3, 1), REFERENCE_DATE);
    const commitments = random.sample(PARTNERSHIP_COMMITMENTS, random.int(1, Math.min(4, MAX_COMMITMENTS)));
    return {
      _id: ids.next(),
      communityId: community.community._id,
      unitId: unit._id,
      sideIds: [community.community._id, unit._id],
      commitments,
      since,
      status: 'ACTIVE',
      endedAt: null,
      createdAt: since,
    };
  });
}

/**
 * The tripartite agreement (三方协议) of the community party committee, the owners' committee and
 * the property company: who answers requests and how fast. Most promise an answer within a day
 * and closure within three days; some are stricter or looser.
 */
export function signAgreement(community: CommunityOrganisations, random: Random, ids: ObjectIdSource): AgreementDocument {
  const parties = { community: community.community, ownersCommittee: community.ownersCommittee, propertyCompany: community.propertyCompany };
  for (const [party, organisation] of Object.entries(parties)) {
    const problem = agreementPartyError(party as keyof typeof parties, organisation.kind);
    if (problem) throw new Error(`seed: agreement of ${community.name}: ${party} ${problem}`);
  }
  if (!isWithin(community.ownersCommittee.path, community.community._id)) throw new Error(`seed: ${community.ownersCommittee.name} lies outside ${community.name}`);
  const responseDeadlineHours = random.weighted([[24, 6], [12, 2], [48, 2]] as const);
  const resolutionDeadlineHours = random.weighted([[72, 6], [48, 1], [96, 2], [168, 1]] as const);
  const deadlines = deadlineError(responseDeadlineHours, resolutionDeadlineHours);
  if (deadlines) throw new Error(`seed: agreement of ${community.name}: ${deadlines.field} ${deadlines.message}`);
  const signedOn = fixedDateBetween(random, chinaTime(2022, 1, 1), REFERENCE_DATE);
  return {
    _id: ids.next(),
    communityId: parties.community._id,
    ownersCommitteeId: parties.ownersCommittee._id,
    propertyCompanyId: parties.propertyCompany._id,
    partyIds: [parties.community._id, parties.ownersCommittee._id, parties.propertyCompany._id],
    contacts: { community: contactPerson(random), ownersCommittee: contactPerson(random), propertyCompany: contactPerson(random) },
    responseDeadlineHours,
    resolutionDeadlineHours,
    signedOn,
    createdAt: signedOn,
  };
}

function contactPerson(random: Random): ContactPerson {
  const gender = random.chance(0.5) ? 'MALE' : 'FEMALE';
  const person = { name: surname(random) + givenName(random, gender), phone: mobilePhone(random) };
  if (!isPhoneNumber(person.phone)) throw new Error(`seed: bad contact phone ${person.phone}`);
  return person;
}
