import type { OrganisationDocument } from '../../../services/organisations/src/models/organisation.ts';
import type { GridDocument } from '../../../services/organisations/src/models/grid.ts';
import type { PartnershipDocument } from '../../../services/organisations/src/models/partnership.ts';
import type { AgreementDocument } from '../../../services/organisations/src/models/agreement.ts';
import type { PostDocument } from '../../../services/organisations/src/models/post.ts';
import type { WishDocument } from '../../../services/wishes/src/models/wish.ts';
import type {
  HouseholdDocument,
  HouseholdPairingDocument,
  MemberPairingDocument,
  PointsEntryDocument,
  ResidentDocument,
} from '../../../services/residents/src/models/index.ts';
import { organiseActivities, type ActivityRecords, type ActivitySetting } from './activities-seed.ts';
import { layOutCommunity, type CommunityLayout } from './community-layout.ts';
import { ObjectIdSource } from './object-ids.ts';
import { buildOrganisationTree, type CommunityOrganisations, type OrganisationTree, type StreetOrganisations } from './organisations-seed.ts';
import { assignGridResponsibles, enrolPartyMembers, pairCommunity } from './party-seed.ts';
import { partnerCommunity, signAgreement } from './partnerships-seed.ts';
import { IdNumberRegistry } from './personal-numbers.ts';
import type { ScalePlan } from './plan.ts';
import { keepPointsLedgers } from './points-seed.ts';
import { publishPosts, type PostSetting } from './posts-seed.ts';
import { Random, SEED } from './random.ts';
import { populateCommunity, type CommunityPeople } from './residents-seed.ts';
import { generateResources, type ResourceRecords } from './resources-seed.ts';
import { COMMUNITY_VENUES, COMPOUND_VENUES } from './text/civic-text.ts';
import { Timeline } from './timeline.ts';
import { generateWishes } from './wishes-seed.ts';
import { asComplaint, generateMeetings, type Complaint, type MeetingsSeed } from './meetings-seed.ts';
import type { SeededService } from './seeded-services.ts';
import { enrolVolunteers } from './volunteers-seed.ts';

/**
 * The records generated up front, by service (as SEEDED_SERVICES names them) and by model name
 * (as each service's `createModels` names them).
 */
interface GeneratedRecords {
  organisations: {
    Organisation: OrganisationDocument[];
    Grid: GridDocument[];
    Partnership: PartnershipDocument[];
    Agreement: AgreementDocument[];
    Activity: ActivityRecords['activities'];
    ActivitySignUp: ActivityRecords['signUps'];
    ActivityCheckIn: ActivityRecords['checkIns'];
    Post: PostDocument[];
  };
  residents: {
    Resident: ResidentDocument[];
    Household: HouseholdDocument[];
    MemberPairing: MemberPairingDocument[];
    HouseholdPairing: HouseholdPairingDocument[];
    PointsEntry: PointsEntryDocument[];
  };
  resources: ResourceRecords;
  meetings: MeetingsSeed;
}

/** One collection's sample records: how many, and the records in chunks. */
export interface SeedCollection {
  service: SeededService;
  /** The model's name in the service's `createModels`. */
  model: string;
  count: number;
  chunks: Iterable<readonly object[]>;
}

/** One community as the organisations and residents seed made it, for the services that build on it. */
export interface SeededCommunity {
  street: StreetOrganisations;
  organisations: CommunityOrganisations;
  layout: CommunityLayout;
  people: CommunityPeople;
  partyMembers: ResidentDocument[];
  volunteers: ResidentDocument[];
  agreement: AgreementDocument;
}

/**
 * Everything the organisations and residents seed made. Each further service generates its
 * section from it, with its own random stream (`random.fork('<service>')`) and the shared ids
 * and timeline, so that adding a service changes no record of another.
 */
export interface SeedWorld {
  plan: ScalePlan;
  tree: OrganisationTree;
  communities: SeededCommunity[];
  base: Pick<GeneratedRecords, 'organisations' | 'residents'>;
  timeline: Timeline;
  random: Random;
  ids: ObjectIdSource;
}

/**
 * Generates the whole data set, collection by collection in the order of SEEDED_SERVICES, from
 * named random streams: the same plan and seed day always give the same records and ids. The
 * wishes (a million at district scale) are generated community by community while they are read;
 * read them before asking for the next collection, as the meetings are made from the wishes read.
 */
export function* generateSeedData(plan: ScalePlan, now: Date): Generator<SeedCollection> {
  const world = generateSeedWorld(plan, now);
  // The wishes take their ids before the resources and meetings, whenever they are generated.
  const wishes = generateWishes(world);
  yield* collections('organisations', world.base.organisations);
  yield* collections('residents', world.base.residents);
  yield* collections('resources', generateResources(world));

  const complaints: Complaint[] = [];
  let wishesRead = 0;
  function* wishChunks(): Generator<WishDocument[]> {
    for (const chunk of wishes.byCommunity) {
      for (const wish of chunk) {
        const complaint = asComplaint(wish);
        if (complaint) complaints.push(complaint);
      }
      wishesRead += chunk.length;
      yield chunk;
    }
  }
  yield { service: 'wishes', model: 'Wish', count: wishes.count, chunks: wishChunks() };
  if (wishesRead !== wishes.count) throw new Error('seed: read the wishes before the meetings are generated');
  yield* collections('wishes', { CommunitySettings: [], WishNotification: [] });
  yield* collections('meetings', generateMeetings(world, complaints));
}

/** A service's records generated up front, one collection per model. */
function collections<Records extends { [Model in keyof Records]: readonly object[] }>(service: SeededService, records: Records): SeedCollection[] {
  return Object.entries<readonly object[]>(records).map(([model, documents]) => ({ service, model, count: documents.length, chunks: [documents] }));
}

function generateSeedWorld(plan: ScalePlan, now: Date): SeedWorld {
  const random = new Random(SEED);
  const ids = new ObjectIdSource(random.fork('ids'));
  const timeline = new Timeline(now);
  const tree = buildOrganisationTree(plan, random.fork('organisations'), ids);
  const activities: ActivityRecords = { activities: [], signUps: [], checkIns: [] };
  const registry = new IdNumberRegistry();
  const communities: SeededCommunity[] = [];
  const base: SeedWorld['base'] = {
    organisations: { Organisation: tree.all, Grid: [], Partnership: [], Agreement: [], Activity: activities.activities, ActivitySignUp: activities.signUps, ActivityCheckIn: activities.checkIns, Post: [] },
    residents: { Resident: [], Household: [], MemberPairing: [], HouseholdPairing: [], PointsEntry: [] },
  };

  tree.streets.forEach((street, streetIndex) => {
    const streetResidents: ResidentDocument[] = [];
    const streetVolunteers: ResidentDocument[] = [];
    street.communities.forEach((community, communityIndex) => {
      const stream = random.fork(`community:${streetIndex}:${communityIndex}`);
      const layout = layOutCommunity(community, plan, stream.fork('grids'), ids);
      const people = populateCommunity(layout, stream.fork('people'), ids, registry);
      const members = enrolPartyMembers(layout, people, stream.fork('party'));
      assignGridResponsibles(layout, people, stream.fork('responsibles'));
      const pairings = pairCommunity(layout, people, members, stream.fork('pairings'), ids);
      const volunteers = enrolVolunteers(people.residents, community, street, stream.fork('volunteers'));
      base.organisations.Grid.push(...layout.grids);
      base.organisations.Partnership.push(...partnerCommunity(community, stream.fork('partnerships'), ids));
      const agreement = signAgreement(community, stream.fork('agreement'), ids);
      base.organisations.Agreement.push(agreement);
      base.residents.Household.push(...layout.households);
      base.residents.Resident.push(...people.residents);
      base.residents.MemberPairing.push(...pairings.memberPairings);
      base.residents.HouseholdPairing.push(...pairings.householdPairings);
      communities.push({ street, organisations: community, layout, people, partyMembers: members, volunteers, agreement });

      const count = stream.within(plan.activitiesPerCommunity);
      organiseActivities(communityActivities(community, people.residents, volunteers), count, timeline, stream.fork('activities'), ids, activities);
      publishPosts(communityPosts(community), stream.within(plan.postsPerCommunity), timeline, stream.fork('posts'), ids, base.organisations.Post);
      streetResidents.push(...people.residents);
      streetVolunteers.push(...volunteers);
    });
    const stream = random.fork(`street-life:${streetIndex}`);
    organiseActivities(streetActivities(street, streetResidents, streetVolunteers), stream.within(plan.activitiesPerStreet), timeline, stream.fork('activities'), ids, activities);
    publishPosts(streetPosts(street), stream.within(plan.postsPerStreet), timeline, stream.fork('posts'), ids, base.organisations.Post);
  });

  base.residents.PointsEntry = keepPointsLedgers(base.residents.Resident, activities, timeline, random.fork('points'), ids);
  return { plan, tree, communities, base, timeline, random, ids };
}

function communityActivities(community: CommunityOrganisations, residents: ResidentDocument[], volunteers: ResidentDocument[]): ActivitySetting {
  return {
    // The party committee and the volunteer teams organise most activities.
    hosts: [community.community, community.community, community.residentsCommittee, community.serviceCentre, ...community.volunteerTeams, ...community.volunteerTeams, ...community.branches],
    coHosts: community.coBuildingUnits,
    place: (random) => (random.chance(0.5) ? `${community.name}${random.pick(COMMUNITY_VENUES)}` : `${random.pick(community.compounds)}${random.pick(COMPOUND_VENUES)}`),
    centre: community.centre,
    residents,
    volunteers,
  };
}

function streetActivities(street: StreetOrganisations, residents: ResidentDocument[], volunteers: ResidentDocument[]): ActivitySetting {
  return {
    hosts: [street.street, street.serviceCentre, street.volunteerTeam],
    coHosts: [],
    place: (random) => `${street.serviceCentre.name}${random.pick(['多功能厅', '一楼大厅', '门前广场'])}`,
    centre: street.communities[0]!.centre,
    residents,
    volunteers,
  };
}

function communityPosts(community: CommunityOrganisations): PostSetting {
  return {
    channels: [
      { publisher: community.community, audiences: [community.residentsCommittee, ...community.branches] },
      { publisher: community.residentsCommittee, audiences: [community.residentsCommittee] },
      { publisher: community.serviceCentre, audiences: [community.serviceCentre] },
    ],
    place: community.name,
    compounds: community.compounds,
  };
}

function streetPosts(street: StreetOrganisations): PostSetting {
  return {
    channels: [
      { publisher: street.street, audiences: street.communities.map((community) => community.community) },
      { publisher: street.serviceCentre, audiences: [street.serviceCentre] },
    ],
    place: street.name,
    compounds: street.communities.flatMap((community) => community.compounds),
  };
}
