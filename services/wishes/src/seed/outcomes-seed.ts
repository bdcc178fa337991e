import type { OutcomeDocument, WishDocument } from '../models/wish.ts';
import { outcomeViolation, recordedOutcome, type OutcomeStatement } from '../domain/outcome.ts';
import type { OrganisationReference, Random, Range, SeededCommunity } from '@civic/seed-kit';

/** The kind of the community's organisations that joined in doing a matter. */
export type OutcomePartner = 'CO_BUILDING_UNIT' | 'PROPERTY_COMPANY' | 'VOLUNTEER_TEAM';

/**
 * How the outcome of one matter is stated when it is: the amount done in the unit that fits it
 * (斤 of vegetables, 次 of visits, 小时 of tutoring), who benefited, and the kind of partner named.
 */
export interface OutcomeTemplate {
  item: string;
  unit: string;
  amount: Range;
  households: Range | null;
  persons: Range | null;
  partner: OutcomePartner | null;
}

/**
 * Claimants and handlers state an outcome on a share of what they complete, as the street's
 * evaluation asks for amounts and beneficiaries; the rest leave only the note.
 */
const OUTCOME_RATE = { WISH: 0.45, REQUEST: 0.35 } as const;

/**
 * The outcome a wish's fulfilment or resolution at `completedAt` records, or null when none is
 * stated: built and checked by the service's own rules (domain/outcome.ts), its partner an
 * organisation of the wish's community that neither claimed nor handled it (a property company is
 * a partner of a lift repair the street took over, not of one it handled itself).
 */
export function seededOutcome(template: OutcomeTemplate, wish: WishDocument, community: SeededCommunity, random: Random, completedAt: Date): OutcomeDocument | null {
  if (!random.chance(wish.kind === 'WISH' ? OUTCOME_RATE.WISH : OUTCOME_RATE.REQUEST)) return null;
  const partner = template.partner ? partnerOf(template.partner, community, wish, random) : null;
  const statement: OutcomeStatement = {
    quantities: [{ item: template.item, amount: random.within(template.amount), unit: template.unit }],
    beneficiaries: { households: template.households && random.within(template.households), persons: template.persons && random.within(template.persons) },
    partnerIds: partner ? [partner._id.toHexString()] : [],
  };
  const violation = outcomeViolation(statement);
  if (violation) throw new Error(`seed: the outcome of ${wish.title}: ${violation.field} ${violation.message}`);
  return recordedOutcome(statement, partner ? [partner._id] : [], wish.takenAt ?? wish.publishedAt ?? wish.createdAt, completedAt);
}

function partnerOf(kind: OutcomePartner, community: SeededCommunity, wish: WishDocument, random: Random): OrganisationReference | null {
  const organisations = community.organisations;
  const candidates = kind === 'PROPERTY_COMPANY' ? [organisations.propertyCompany] : kind === 'VOLUNTEER_TEAM' ? organisations.volunteerTeams : organisations.coBuildingUnits;
  const others = candidates.filter((organisation) => !wish.claimantId?.equals(organisation._id) && !wish.handlerId?.equals(organisation._id));
  return others.length > 0 ? random.pick(others) : null;
}
