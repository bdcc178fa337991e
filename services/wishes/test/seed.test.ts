import { expect, it } from 'vitest';
import { ObjectIdSource, Random, Timeline, type OrganisationReference, type ResidentReference, type SeededCommunity, type StreetOrganisations } from '@civic/seed-kit';
import { generateWishes } from '../src/seed/index.ts';
import { nextStatus } from '../src/domain/wish-state-machine.ts';
import { daysTaken, outcomeViolation } from '../src/domain/outcome.ts';
import { WISH_STATUSES } from '../src/domain/vocabulary.ts';
import type { WishDocument } from '../src/models/wish.ts';

const random = new Random('wishes-seed-test');
const ids = new ObjectIdSource(random.fork('ids'));

function organisation(name: string, parent: OrganisationReference | null): OrganisationReference {
  const _id = ids.next();
  return { _id, name, path: [...(parent?.path ?? []), _id], createdAt: new Date('2018-01-02T01:00:00.000Z'), contact: { phone: null } };
}

/** One community of a street, with the bodies that claim and handle its wishes, and its residents. */
function aCommunity(): SeededCommunity {
  const district = organisation('区委', null);
  const streetBody = organisation('街道党工委', district);
  const community = organisation('新城社区党委', streetBody);
  const organisations = {
    name: '新城社区',
    community,
    residentsCommittee: organisation('新城社区居民委员会', community),
    serviceCentre: organisation('新城社区党群服务中心', community),
    branches: [organisation('新城社区第一党支部', community)],
    propertyCompany: organisation('万科物业新城花园服务中心', community),
    ownersCommittee: organisation('新城花园业主委员会', community),
    volunteerTeams: [organisation('新城社区青年志愿服务队', community)],
    coBuildingUnits: [organisation('新城小学', community)],
    compounds: ['新城花园'],
    households: 100,
    centre: { longitude: 118.705, latitude: 32.01 },
  };
  const street: StreetOrganisations = { name: '江心洲街道', street: streetBody, serviceCentre: organisation('街道党群服务中心', streetBody), volunteerTeam: organisation('街道志愿服务总队', streetBody), communities: [organisations] };
  const gridId = ids.next();
  const residents: ResidentReference[] = Array.from({ length: 200 }, (_, index) => ({ _id: ids.next(), gridId, birthYear: 1950 + (index % 60), specialCare: [] }));
  return { street, organisations, residents, volunteers: residents.slice(0, 40), agreement: { _id: ids.next(), responseDeadlineHours: 24, resolutionDeadlineHours: 72 } };
}

// A community's wishes: every state, each reached through the service's own state machine.
it('seeds wishes in every state, each timeline a legal walk', () => {
  const community = aCommunity();
  const world = { streets: [community.street], communities: [community], timeline: new Timeline(new Date('2025-07-01T02:00:00.000Z')), random, ids };
  const stream = generateWishes(world, [900, 900]);
  const wishes: WishDocument[] = [...stream.byCommunity].flat();
  expect(stream.count).toBe(900);
  expect(wishes).toHaveLength(900);
  const statuses = new Set(wishes.map((wish) => wish.status));
  expect([...statuses].sort()).toEqual([...WISH_STATUSES].sort());
  const illegal = wishes.filter((wish) => {
    let status = wish.timeline[0]!.status;
    for (const entry of wish.timeline.slice(1)) {
      if (nextStatus({ status, kind: wish.kind }, entry.action) !== entry.status) return true;
      status = entry.status;
    }
    return status !== wish.status;
  });
  expect(illegal).toEqual([]);
});

// Scorecards read who handled each request and which agreement set its deadlines: the seed writes both, as routing does.
it('seeds each routed request with its handlers in order and the agreement that set its deadlines', () => {
  const community = aCommunity();
  const world = { streets: [community.street], communities: [community], timeline: new Timeline(new Date('2025-07-01T02:00:00.000Z')), random, ids };
  const routed = [...generateWishes(world, [300, 300]).byCommunity].flat().filter((wish) => wish.handlerId !== null);
  const property = community.organisations.propertyCompany._id;
  const wrongHistory = routed.filter((wish) => !wish.handlerIds!.at(-1)!.equals(wish.handlerId!) || wish.handlerIds!.length !== wish.escalations + 1);
  const wrongAgreement = routed.filter((wish) => (wish.handlerIds![0]!.equals(property) ? !wish.agreementId?.equals(community.agreement._id) : wish.agreementId !== null));
  expect(routed.length).toBeGreaterThan(0);
  expect(routed.some((wish) => wish.agreementId !== null)).toBe(true);
  expect(wrongHistory).toEqual([]);
  expect(wrongAgreement).toEqual([]);
});

// Outcomes are stated on a share of completions only, as the service records them: checked by its rules, cleared when reopened.
it('records an outcome on a share of fulfilled wishes and resolved requests, in units fitting the matter, with partners of the community', () => {
  const community = aCommunity();
  const world = { streets: [community.street], communities: [community], timeline: new Timeline(new Date('2025-07-01T02:00:00.000Z')), random, ids };
  const wishes = [...generateWishes(world, [900, 900]).byCommunity].flat();
  const completed = wishes.filter((wish) => wish.completedAt != null);
  const withOutcome = completed.filter((wish) => wish.outcome);
  const organisations = community.organisations;
  const partners = new Set([organisations.propertyCompany, ...organisations.volunteerTeams, ...organisations.coBuildingUnits].map((organisation) => organisation._id.toHexString()));

  expect(wishes.filter((wish) => wish.completedAt == null && wish.outcome)).toEqual([]);
  expect(withOutcome.length / completed.length).toBeGreaterThan(0.3);
  expect(withOutcome.length / completed.length).toBeLessThan(0.5);
  const stated = withOutcome.map((wish) => ({ ...wish.outcome!, partnerIds: wish.outcome!.partnerIds.map((id) => id.toHexString()) }));
  expect(stated.filter((outcome) => outcomeViolation(outcome) !== null)).toEqual([]);
  expect(withOutcome.filter((wish) => wish.outcome!.daysTaken !== daysTaken(wish.takenAt!, wish.completedAt!) || wish.outcome!.recordedAt.getTime() !== wish.completedAt!.getTime())).toEqual([]);
  expect(stated.flatMap((outcome) => outcome.partnerIds).filter((id) => !partners.has(id))).toEqual([]);
  expect(withOutcome.filter((wish) => wish.outcome!.partnerIds.some((id) => id.equals(wish.claimantId ?? wish.handlerId!)))).toEqual([]);
  const unitsOf = (title: string) => [...new Set(withOutcome.filter((wish) => wish.title === title).flatMap((wish) => wish.outcome!.quantities.map(({ item, unit }) => `${item} ${unit}`)))];
  expect([unitsOf('帮忙买菜送上门'), unitsOf('困难家庭子女课业辅导'), unitsOf('电梯停运')]).toEqual([['蔬菜 斤'], ['课业辅导 小时'], ['电梯维修 次']]);
  // The property company joins a lift repair the street or district took over; one it handled itself names no partner.
  const lifts = withOutcome.filter((wish) => wish.title === '电梯停运');
  const property = organisations.propertyCompany._id;
  const wrongLifts = lifts.filter((wish) => (wish.handlerId!.equals(property) ? wish.outcome!.partnerIds.length > 0 : !wish.outcome!.partnerIds[0]?.equals(property)));
  expect(lifts.length).toBeGreaterThan(0);
  expect(wrongLifts).toEqual([]);
});
