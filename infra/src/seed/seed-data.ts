import { ObjectIdSource, Random, Timeline, type ResidentReference, type SeededCommunity, type SeedWorld, type WishReference } from '@civic/seed-kit';
import { asComplaint, generateMeetings, type Complaint } from '@civic/meetings/seed';
import {
  appointGridResponsibles,
  buildOrganisationTree,
  communityActivities,
  communityGrids,
  communityPosts,
  organiseActivities,
  partnerCommunity,
  publishPosts,
  signAgreement,
  streetActivities,
  streetGrid,
  streetPosts,
  worksFourLevelGrid,
  type ActivityRecords,
  type OrganisationsRecords,
} from '@civic/organisations/seed';
import {
  chooseGridResponsibles,
  enrolPartyMembers,
  enrolVolunteers,
  IdNumberRegistry,
  keepPointsLedgers,
  layOutCommunity,
  pairCommunity,
  populateCommunity,
  type ResidentsRecords,
} from '@civic/residents/seed';
import { generateResources } from '@civic/resources/seed';
import { generateWishes, rollupBuildDocument, rollupDocument, ScorecardRollupTotals } from '@civic/wishes/seed';
import type { ScalePlan } from './plan.ts';
import type { SeededService } from './seeded-services.ts';

/** The seed every generated record derives from: change it and every name and id changes. */
const SEED = 'civic-graph-sample-data-v1';

/**
 * The organisations' and residents' records, generated up front, by service (as SEEDED_SERVICES
 * names them) and by model name (as each service's `createModels` names them).
 */
interface BaseRecords {
  organisations: OrganisationsRecords;
  residents: ResidentsRecords;
}

/** One collection's sample records: how many, and the records in chunks. */
export interface SeedCollection {
  service: SeededService;
  /** The model's name in the service's `createModels`. */
  model: string;
  count: number;
  chunks: Iterable<readonly object[]>;
}

/** The world the further services build on, and the organisations' and residents' records. */
interface GeneratedBase {
  world: SeedWorld;
  base: BaseRecords;
}

/**
 * Generates the whole data set, collection by collection in the order of SEEDED_SERVICES, from
 * named random streams: the same plan and seed day always give the same records and ids. The
 * wishes (a million at district scale) are generated community by community while they are read;
 * read them before asking for the next collection, as the meetings are made from the wishes read.
 */
export function* generateSeedData(plan: ScalePlan, now: Date): Generator<SeedCollection> {
  const { world, base } = generateBase(plan, now);
  // The wishes take their ids before the resources and meetings, whenever they are generated.
  const wishes = generateWishes(world, plan.wishesPerCommunity);
  yield* collections('organisations', base.organisations);
  yield* collections('residents', base.residents);
  yield* collections('resources', generateResources(world));

  const complaints: Complaint[] = [];
  const scorecards = new ScorecardRollupTotals();
  let wishesRead = 0;
  function* wishChunks(): Generator<readonly WishReference[]> {
    for (const chunk of wishes.byCommunity) {
      for (const wish of chunk) {
        const complaint = asComplaint(wish);
        if (complaint) complaints.push(complaint);
        scorecards.add(wish);
      }
      wishesRead += chunk.length;
      yield chunk;
    }
  }
  yield { service: 'wishes', model: 'Wish', count: wishes.count, chunks: wishChunks() };
  if (wishesRead !== wishes.count) throw new Error('seed: read the wishes before the meetings are generated');
  yield* collections('wishes', {
    ScorecardRollup: [...scorecards.built()].map(rollupDocument),
    ScorecardRollupBuild: [rollupBuildDocument(scorecards.wishes, now)],
    CommunitySettings: [],
    WishNotification: [],
  });
  yield* collections('meetings', generateMeetings(world, complaints));
}

/** A service's records generated up front, one collection per model. */
function collections<Records extends { [Model in keyof Records]: readonly object[] }>(service: SeededService, records: Records): SeedCollection[] {
  return Object.entries<readonly object[]>(records).map(([model, documents]) => ({ service, model, count: documents.length, chunks: [documents] }));
}

/**
 * The organisations and residents, community by community, each step by the service whose
 * records it makes, in the order that gives every record its id and random draws.
 */
function generateBase(plan: ScalePlan, now: Date): GeneratedBase {
  const random = new Random(SEED);
  const ids = new ObjectIdSource(random.fork('ids'));
  const timeline = new Timeline(now);
  const tree = buildOrganisationTree(plan, random.fork('organisations'), ids);
  const activities: ActivityRecords = { activities: [], signUps: [], checkIns: [] };
  const registry = new IdNumberRegistry();
  const communities: SeededCommunity[] = [];
  const base: BaseRecords = {
    organisations: { Organisation: tree.all, Grid: [], Partnership: [], Agreement: [], Activity: activities.activities, ActivitySignUp: activities.signUps, ActivityCheckIn: activities.checkIns, Post: [], Mobilisation: [], HouseholdVisit: [] },
    residents: { Resident: [], Household: [], MemberPairing: [], HouseholdPairing: [], PointsEntry: [], PointsRuleChange: [], PointsSpending: [], DataCorrectionRequest: [], PersonalDataRead: [] },
  };

  tree.streets.forEach((street, streetIndex) => {
    const streetResidents: ResidentReference[] = [];
    const streetVolunteers: ResidentReference[] = [];
    const ownGrid = streetGrid(street, ids);
    base.organisations.Grid.push(ownGrid);
    street.communities.forEach((community, communityIndex) => {
      const stream = random.fork(`community:${streetIndex}:${communityIndex}`);
      // Grids and households are laid out together from one stream: their ids interleave.
      const layoutStream = stream.fork('grids');
      const above = worksFourLevelGrid(communityIndex) ? ownGrid : null;
      const grids = communityGrids(community, layoutStream, ids, above);
      const layout = layOutCommunity(community, plan.generalGridsPerCommunity, above, grids.open, layoutStream, ids);
      const people = populateCommunity(layout, stream.fork('people'), ids, registry);
      const members = enrolPartyMembers(layout, people, stream.fork('party'));
      appointGridResponsibles(grids.grids, chooseGridResponsibles(layout, people, stream.fork('responsibles')));
      const pairings = pairCommunity(layout, people, members, stream.fork('pairings'), ids);
      const volunteers = enrolVolunteers(people.residents, community, street, stream.fork('volunteers'));
      base.organisations.Grid.push(...grids.grids);
      base.organisations.Partnership.push(...partnerCommunity(community, stream.fork('partnerships'), ids));
      const agreement = signAgreement(community, stream.fork('agreement'), ids);
      base.organisations.Agreement.push(agreement);
      base.residents.Household.push(...layout.households);
      base.residents.Resident.push(...people.residents);
      base.residents.MemberPairing.push(...pairings.memberPairings);
      base.residents.HouseholdPairing.push(...pairings.householdPairings);
      communities.push({ street, organisations: community, residents: people.residents, volunteers, agreement });

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
  return { world: { streets: tree.streets, communities, timeline, random, ids }, base };
}
