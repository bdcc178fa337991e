import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import '@civic/dev-platform/provided-context';
import { resolvePiiKeys } from '@civic/identity';
import type { Model } from 'mongoose';
import { seed, SeedRefusedError } from '../src/seed/seed.ts';
import { seedIfEmpty } from '../src/seed/seed-if-empty.ts';
import { openSeedDatabases, type SeedDatabases } from '../src/seed/databases.ts';
import { PLANS } from '../src/seed/plan.ts';
import { generateSeedData } from '../src/seed/seed-data.ts';
import { countCollections, type SeedSummary } from '../src/seed/summary.ts';
import { gridPlacementError } from '@civic/organisations/seed';
import { organisationsSubgraph } from '@civic/organisations';
import { residentsSubgraph } from '@civic/residents';
import { wishesSubgraph } from '@civic/wishes';
import { parseMonthPeriod } from '@civic/service-kit';
import { startStack, type Stack } from '@civic/test-harness';

// A seed of the street scale takes half a minute alone; beside the whole suite, on the one
// database server every test file shares, it has taken over two minutes.
const SETUP_TIMEOUT_MS = 300_000;
const NOW = new Date('2026-03-16T02:00:00Z');

const hex = (id: { toHexString(): string } | null | undefined) => id?.toHexString() ?? null;

/** The street scale's grids on NOW: one street grid, six community grids, three communities of each shape. */
const GRIDS_PER_LEVEL = { STREET: 1, COMMUNITY: 6, GENERAL: 11, MICRO: 15, BRANCH: 7, PARTY_GROUP: 15 };

const digestedModels = (databases: SeedDatabases) => [...Object.values(databases.organisations), ...Object.values(databases.residents)] as unknown as Model<unknown>[];

/** The street scale's wishes and requests with an outcome on NOW. */
const OUTCOMES_RECORDED = 291;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stored wish's outcome, as this file reads it. */
interface WithOutcome {
  outcome?: {
    quantities: { item: string; amount: number; unit: string }[];
    beneficiaries: { households: number | null; persons: number | null } | null;
    partnerIds: { toHexString(): string }[];
  } | null;
}

/** What a scorecard's outcomes of `wishes` add up to, summed here from the wishes themselves. */
function outcomesOf(wishes: readonly WithOutcome[]) {
  const quantities = new Map<string, { item: string; amount: number; unit: string }>();
  for (const { item, unit, amount } of wishes.flatMap((wish) => wish.outcome!.quantities)) {
    const sum = quantities.get(`${item} ${unit}`) ?? { item, amount: 0, unit };
    quantities.set(`${item} ${unit}`, { ...sum, amount: sum.amount + amount });
  }
  return {
    recorded: wishes.length,
    beneficiaryHouseholds: wishes.reduce((sum, wish) => sum + (wish.outcome!.beneficiaries?.households ?? 0), 0),
    beneficiaryPersons: wishes.reduce((sum, wish) => sum + (wish.outcome!.beneficiaries?.persons ?? 0), 0),
    partnerOrganisations: new Set(wishes.flatMap((wish) => wish.outcome!.partnerIds.map(hex))).size,
    quantities: [...quantities.values()].sort((a, b) => compareText(a.item, b.item) || compareText(a.unit, b.unit)),
  };
}

/** A digest of every id in both databases, collection by collection. */
async function idDigest(databases: SeedDatabases): Promise<string> {
  const idsByCollection = new Map<string, string[]>();
  for (const model of digestedModels(databases)) {
    const documents = await model.collection.find({}, { projection: { _id: 1 } }).toArray();
    idsByCollection.set(model.collection.collectionName, documents.map((document) => document._id.toHexString()));
  }
  return digestOfIds(databases, idsByCollection);
}

function digestOfIds(databases: SeedDatabases, idsByCollection: ReadonlyMap<string, readonly string[]>): string {
  const hash = createHash('sha256');
  for (const { collection } of digestedModels(databases)) hash.update(`${collection.collectionName}:${[...(idsByCollection.get(collection.collectionName) ?? [])].sort().join(',')}\n`);
  return hash.digest('hex');
}

/**
 * What a seed run generates before it writes, without writing it: its counts, a digest of every
 * record it generates (every field, in order), and the id digest of what it writes to both databases.
 */
function generateWithoutWriting(databases: SeedDatabases) {
  const counts: Record<string, number> = {};
  const idsByCollection = new Map<string, string[]>();
  const records = createHash('sha256');
  for (const generated of generateSeedData(PLANS.street, NOW)) {
    const { collectionName } = (databases[generated.service] as unknown as Record<string, Model<unknown>>)[generated.model]!.collection;
    const ids = idsByCollection.get(collectionName) ?? [];
    idsByCollection.set(collectionName, ids);
    for (const chunk of generated.chunks) {
      // An ObjectId's string is its hex; a few records have a string id of their own.
      for (const record of chunk as { _id: object | string }[]) {
        ids.push(String(record._id));
        records.update(`${collectionName}:${JSON.stringify(record)}\n`);
      }
    }
    counts[collectionName] = generated.count;
  }
  return { counts, recordDigest: records.digest('hex'), idDigest: digestOfIds(databases, idsByCollection) };
}

describe('npm run seed (street scale)', () => {
  const uri = inject('mongoUri');
  const prefix = `test_${randomBytes(4).toString('hex')}_seed_`;
  let first: SeedSummary;
  let databases: SeedDatabases;

  beforeAll(async () => {
    first = await seed(uri, { databasePrefix: prefix, now: NOW });
    databases = await openSeedDatabases(uri, prefix);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await databases?.drop();
    await databases?.close();
  });

  // Writing is the costly half of a seed, and it writes what was generated; so a second run is
  // generated twice without writing, and what the first run wrote must be exactly that.
  it('writes the same records with the same ids on every run', async () => {
    const [again, andAgain] = [generateWithoutWriting(databases), generateWithoutWriting(databases)];
    expect(andAgain.recordDigest).toBe(again.recordDigest);
    expect(again.counts).toEqual(first.counts);
    expect(await countCollections(databases)).toEqual(first.counts);
    expect(await idDigest(databases)).toBe(again.idDigest);
    expect(first.communityIds).toHaveLength(6);
  });

  it('builds the Jianye tree: one district, Jiangxinzhou street and its six communities, each fully staffed', async () => {
    const organisations = await databases.organisations.Organisation.find({}).lean();
    const byId = new Map(organisations.map((organisation) => [organisation._id.toHexString(), organisation]));
    const badPaths = organisations.filter((organisation) => {
      const parent = organisation.parentId ? byId.get(organisation.parentId.toHexString())! : null;
      return JSON.stringify([...(parent?.path ?? []), organisation._id]) !== JSON.stringify(organisation.path);
    });
    expect(badPaths).toEqual([]);
    expect(new Set(organisations.map((organisation) => `${hex(organisation.parentId)}:${organisation.name}`)).size).toBe(organisations.length);
    expect(byId.get(first.districtId!)!.name).toBe('中共南京市建邺区委员会');
    expect(byId.get(first.streetId!)!.name).toBe('江心洲街道党工委');
    expect(first.communityIds.map((id) => byId.get(id)!.name)).toEqual(['新城社区党委', '洲岛家园社区党委', '贤坤社区党委', '清荷园社区党委', '江岛社区党委', '滨江社区党委']);

    const kindsUnder = (communityId: string) => {
      const counts: Record<string, number> = {};
      for (const organisation of organisations) if (hex(organisation.parentId) === communityId) counts[organisation.kind] = (counts[organisation.kind] ?? 0) + 1;
      return counts;
    };
    const agreements = await databases.organisations.Agreement.find({}).lean();
    const partnerships = await databases.organisations.Partnership.find({}).lean();
    for (const communityId of first.communityIds) {
      const { PARTY_BRANCH: branches, CO_BUILDING_UNIT: units, ...fixed } = kindsUnder(communityId);
      expect(fixed).toEqual({ RESIDENTS_COMMITTEE: 1, SERVICE_CENTRE: 1, PROPERTY_COMPANY: 1, OWNERS_COMMITTEE: 1, VOLUNTEER_TEAM: 2 });
      expect([2, 3, 4]).toContain(branches);
      expect([3, 4, 5]).toContain(units);
      expect(partnerships.filter((partnership) => hex(partnership.communityId) === communityId)).toHaveLength(units!);
      expect(agreements.filter((agreement) => hex(agreement.communityId) === communityId)).toHaveLength(1);
    }
  });

  it("lays out grids createGrid would accept: the street's grid over its second, fourth and sixth communities in four levels, the others in three", async () => {
    const grids = await databases.organisations.Grid.find({}).lean();
    const byId = new Map(grids.map((grid) => [hex(grid._id), grid]));
    const misplaced = grids.filter((grid) => {
      const parent = grid.parentId ? byId.get(hex(grid.parentId)!)! : null;
      const chain = parent ? [...parent.ancestorIds, parent._id].map((id) => byId.get(hex(id)!)!.level) : null;
      const ancestry = parent ? [...parent.ancestorIds, parent._id].map(hex) : [];
      const owner = grid.level === 'STREET' ? first.streetId : parent && parent.level !== 'STREET' ? hex(parent.communityId) : hex(grid.communityId);
      return gridPlacementError(grid.level, chain) !== null || JSON.stringify(grid.ancestorIds.map(hex)) !== JSON.stringify(ancestry) || hex(grid.communityId) !== owner;
    });
    expect(misplaced).toEqual([]);
    const shapes = first.communityIds.map((communityId) => [...new Set(grids.filter((grid) => hex(grid.communityId) === communityId).map((grid) => grid.level))].sort().join(' '));
    const three = 'COMMUNITY GENERAL MICRO';
    const four = 'BRANCH COMMUNITY PARTY_GROUP';
    expect(shapes).toEqual([three, four, three, four, three, four]);
    const perLevel: Record<string, number> = {};
    for (const grid of grids) perLevel[grid.level] = (perLevel[grid.level] ?? 0) + 1;
    expect(perLevel).toEqual(GRIDS_PER_LEVEL);
    const street = grids.filter((grid) => grid.level === 'STREET');
    expect(street.map((grid) => [grid.name, hex(grid.communityId)])).toEqual([['江心洲街道网格', first.streetId]]);
    expect(grids.filter((grid) => grid.level === 'COMMUNITY' && grid.parentId !== null).map((grid) => hex(grid.communityId))).toEqual([1, 3, 5].map((index) => first.communityIds[index]));
  });

  it('gives each grid below the community a responsible resident who lives in it', async () => {
    const grids = await databases.organisations.Grid.find({}).lean();
    const homes = new Map((await databases.residents.Resident.find({}, { gridId: 1 }).lean()).map((resident) => [hex(resident._id), hex(resident.gridId)]));
    const gridsById = new Map(grids.map((grid) => [hex(grid._id), grid]));
    const below = grids.filter((grid) => !['STREET', 'COMMUNITY'].includes(grid.level));
    const elsewhere = below.filter((grid) => {
      const home = gridsById.get(homes.get(hex(grid.responsiblePersonId) ?? '') ?? '');
      return !home || !(home._id.equals(grid._id) || home.ancestorIds.some((id) => id.equals(grid._id)));
    });
    expect(elsewhere.map((grid) => grid.name)).toEqual([]);
    expect(below.length).toBe(GRIDS_PER_LEVEL.GENERAL + GRIDS_PER_LEVEL.MICRO + GRIDS_PER_LEVEL.BRANCH + GRIDS_PER_LEVEL.PARTY_GROUP);
  });

  it("keeps every micro-grid and party group's grid at 30 to 100 households, each with a responsible resident and a party branch", async () => {
    const grids = await databases.organisations.Grid.find({}).lean();
    const households = await databases.residents.Household.find({}, { gridId: 1 }).lean();
    const perGrid = new Map<string, number>();
    for (const household of households) perGrid.set(household.gridId.toHexString(), (perGrid.get(household.gridId.toHexString()) ?? 0) + 1);
    const micro = grids.filter((grid) => grid.level === 'MICRO' || grid.level === 'PARTY_GROUP');
    const outside = micro.map((grid) => ({ grid: grid.name, households: perGrid.get(grid._id.toHexString()) ?? 0 })).filter(({ households }) => households < 30 || households > 100);
    expect(outside).toEqual([]);
    expect(micro.filter((grid) => grid.responsiblePersonId === null || grid.partyBranchId === null)).toEqual([]);
    expect(households.filter((household) => !micro.some((grid) => grid._id.equals(household.gridId)))).toEqual([]);
    expect(grids.filter((grid) => grid.level === 'COMMUNITY')).toHaveLength(6);
  });

  it('keeps the 1310 limits: at most 3 members per core member and 10 households per member', async () => {
    const memberPairings = await databases.residents.MemberPairing.find({}).lean();
    const householdPairings = await databases.residents.HouseholdPairing.find({}).lean();
    const tally = (ids: { toHexString(): string }[]) => {
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(id.toHexString(), (counts.get(id.toHexString()) ?? 0) + 1);
      return [...counts.values()];
    };
    expect(tally(memberPairings.map((pairing) => pairing.coreMemberId)).filter((count) => count > 3)).toEqual([]);
    expect(tally(householdPairings.map((pairing) => pairing.memberId)).filter((count) => count > 10)).toEqual([]);
    expect(memberPairings.filter((pairing) => pairing.slot < 0 || pairing.slot > 2)).toEqual([]);
    expect(householdPairings.filter((pairing) => pairing.slot < 0 || pairing.slot > 9)).toEqual([]);
    const residents = new Map((await databases.residents.Resident.find({ partyMembership: { $exists: true } }, { partyMembership: 1 }).lean()).map((resident) => [resident._id.toHexString(), resident]));
    expect(memberPairings.filter((pairing) => !residents.get(pairing.coreMemberId.toHexString())?.partyMembership?.core)).toEqual([]);
    expect(householdPairings.filter((pairing) => residents.get(pairing.memberId.toHexString())?.partyMembership?.core !== false)).toEqual([]);
  });

  it("gives every resident their household's grid, community and organisation path", async () => {
    const households = new Map((await databases.residents.Household.find({}).lean()).map((household) => [household._id.toHexString(), household]));
    const residents = await databases.residents.Resident.find({}, { householdId: 1, gridId: 1, communityId: 1, organisationPath: 1 }).lean();
    const mismatched = residents.filter((resident) => {
      const household = households.get(resident.householdId?.toHexString() ?? '');
      return (
        !household ||
        !household.gridId.equals(resident.gridId) ||
        !household.communityId.equals(resident.communityId) ||
        JSON.stringify(household.organisationPath) !== JSON.stringify(resident.organisationPath)
      );
    });
    expect(mismatched).toEqual([]);
    expect(residents.length).toBe(first.counts.residents);
  });

  it('registers residents with mobile phones, ID numbers only where known, and a tenth party members', async () => {
    const residents = await databases.residents.Resident.find({}).lean();
    expect(residents.filter((resident) => resident.phone !== null && !/^1[3-9]\d{9}$/.test(resident.phone))).toEqual([]);
    expect(residents.filter((resident) => 'idNumber' in resident && resident.idNumber === null)).toEqual([]);
    const members = residents.filter((resident) => resident.partyMembership);
    expect(members.filter((member) => member.partyMembership!.since.getUTCFullYear() < member.birthYear! + 18)).toEqual([]);
    // About a tenth are party members and a fifth volunteers.
    expect(members.length / residents.length).toBeCloseTo(0.1, 1);
    expect(residents.filter((resident) => resident.volunteerProfile).length / residents.length).toBeCloseTo(0.2, 1);
  });

  it("stores residents' phone and ID numbers sealed, each with its lookup hash, and the model reads them back plain", async () => {
    const stored = await databases.residents.Resident.collection.find({}, { projection: { phone: 1, idNumber: 1, phoneHash: 1, idNumberHash: 1 } }).toArray();
    const plain = new Map((await databases.residents.Resident.find({}, { phone: 1, idNumber: 1 }).lean()).map((resident) => [resident._id.toHexString(), resident]));
    // The keys the test run gives every test file.
    const { currentKeyId } = resolvePiiKeys();
    const withPhone = stored.filter((resident) => resident.phone !== null);
    const withIdNumber = stored.filter((resident) => 'idNumber' in resident);
    expect(withPhone.length).toBeGreaterThan(stored.length / 2);
    expect(withIdNumber.length).toBeGreaterThan(stored.length / 2);
    expect(withPhone.filter((resident) => typeof resident.phone === 'string' || resident.phone.keyId !== currentKeyId || typeof resident.phoneHash !== 'string')).toEqual([]);
    expect(withIdNumber.filter((resident) => typeof resident.idNumber === 'string' || resident.idNumber.keyId !== currentKeyId || typeof resident.idNumberHash !== 'string')).toEqual([]);
    expect(withPhone.filter((resident) => !/^1[3-9]\d{9}$/.test(plain.get(resident._id.toHexString())!.phone ?? ''))).toEqual([]);
  });

  it('numbers every points ledger 1, 2, 3... with a running balance that never goes below zero', async () => {
    const entries = await databases.residents.PointsEntry.find({}).sort({ residentId: 1, sequence: 1 }).lean();
    const problems: string[] = [];
    let current = '';
    let expected = { sequence: 0, balance: 0 };
    for (const entry of entries) {
      if (entry.residentId.toHexString() !== current) {
        current = entry.residentId.toHexString();
        expected = { sequence: 0, balance: 0 };
      }
      expected = { sequence: expected.sequence + 1, balance: expected.balance + entry.amount };
      if (entry.sequence !== expected.sequence || entry.balanceAfter !== expected.balance || entry.balanceAfter < 0) problems.push(`${current} #${entry.sequence}`);
    }
    expect(problems).toEqual([]);
    expect(entries.length).toBe(first.counts.pointsEntries);
  });

  it('never signs up more residents than an activity has places, and counts them on the activity', async () => {
    const activities = await databases.organisations.Activity.find({}, { capacity: 1, signedUpCount: 1 }).lean();
    const signUps = await databases.organisations.ActivitySignUp.find({}).lean();
    const signedUpTo = new Map<string, number>();
    for (const signUp of signUps) signedUpTo.set(signUp.activityId.toHexString(), (signedUpTo.get(signUp.activityId.toHexString()) ?? 0) + 1);
    const miscounted = activities.filter((activity) => {
      const count = signedUpTo.get(activity._id.toHexString()) ?? 0;
      return count > activity.capacity || count !== activity.signedUpCount;
    });
    expect(miscounted).toEqual([]);
    const checkIns = await databases.organisations.ActivityCheckIn.find({}).lean();
    const signedUp = new Set(signUps.map((signUp) => `${signUp.activityId.toHexString()}:${signUp.residentId.toHexString()}`));
    expect(checkIns.filter((checkIn) => !signedUp.has(`${checkIn.activityId.toHexString()}:${checkIn.residentId.toHexString()}`) || checkIn.hours <= 0)).toEqual([]);
  });

  it('reads the summary back instead of seeding again when data is there', async () => {
    const lines: string[] = [];
    const again = await seedIfEmpty(uri, (line) => lines.push(line), { databasePrefix: prefix });
    expect({ ...again, elapsedMs: 0 }).toEqual({ ...first, scale: null, seeded: false, insertSeconds: {}, elapsedMs: 0 });
    expect(lines).toEqual([`sample data: already there (${first.counts.organisations} organisations, ${first.counts.residents} residents)`]);
  });

  it('refuses to seed over existing data without reset, writing nothing', async () => {
    await expect(seed(uri, { databasePrefix: prefix, now: NOW })).rejects.toThrow(SeedRefusedError);
    expect(await countCollections(databases)).toEqual(first.counts);
  });
  // Last: the graph started here writes to the seeded databases.
  describe('served through the gateway', () => {
    let stack: Stack;
    let seededRollups: unknown[];
    const rollups = async () => (await databases.wishes.ScorecardRollup.find({}).lean()).sort((a, b) => compareText(hex(a._id)!, hex(b._id)!));

    beforeAll(async () => {
      seededRollups = await rollups();
      // Without its build mark, the wishes service builds every rollup again from the stored wishes as it starts.
      await databases.wishes.ScorecardRollupBuild.deleteMany({});
      stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], databaseNameFor: (subgraph) => `${prefix}${subgraph}` });
    }, SETUP_TIMEOUT_MS);

    afterAll(() => stack?.stop());

    it('writes the scorecard rollups the wishes service builds from the same wishes, outcomes summed in the scorecards', async () => {
      const { Wish, ScorecardRollupBuild } = databases.wishes;
      const outcomes = await Wish.countDocuments({ outcome: { $ne: null } });
      const completed = await Wish.countDocuments({ completedAt: { $ne: null } });
      expect(outcomes).toBe(OUTCOMES_RECORDED);
      expect(outcomes / completed).toBeCloseTo(0.4, 1);
      expect(seededRollups.filter((rollup) => (rollup as { quantities?: object }).quantities).length).toBeGreaterThan(0);
      expect(await ScorecardRollupBuild.countDocuments()).toBe(1);
      expect(await rollups()).toEqual(seededRollups);

      const community = first.communityIds[0]!;
      const propertyCompany = (await databases.organisations.Organisation.findOne({ parentId: community, kind: 'PROPERTY_COMPANY' }).lean())!;
      // The longest period a scorecard reads, the seed's three years but their first half month.
      const period = { from: '2023-04', to: '2026-03' };
      const { start, end } = parseMonthPeriod('period', period.from, period.to);
      const inPeriod = { createdAt: { $gte: start, $lt: end }, outcome: { $ne: null } };
      const units = await databases.organisations.Organisation.find({ parentId: community, kind: 'CO_BUILDING_UNIT' }, { _id: 1 }).lean();
      const claimedByAUnit = (await Wish.findOne({ claimantId: { $in: units.map(({ _id }) => _id) }, ...inPeriod }).sort({ createdAt: 1 }).lean())!;
      const unitId = claimedByAUnit.claimantId!;
      const fields = 'outcomes { recorded beneficiaryHouseholds beneficiaryPersons partnerOrganisations quantities { item amount unit } }';
      const response = await stack.query<{ handler: { scorecard: unknown }; claimant: { scorecard: unknown } }>(
        `query($handler: ID!, $claimant: ID!, $period: AggregatePeriod!) { handler: organisation(id: $handler) { scorecard(period: $period) { ${fields} } } claimant: organisation(id: $claimant) { scorecard(period: $period) { ${fields} } } }`,
        { handler: hex(propertyCompany._id), claimant: hex(unitId), period },
        { token: await stack.token({ roles: ['DISTRICT_ADMIN'], scope: [first.districtId!] }) },
      );
      expect(response.errors).toEqual([]);
      const handled = await Wish.find({ handlerIds: propertyCompany._id, ...inPeriod }).lean();
      const claimed = await Wish.find({ claimantId: unitId, ...inPeriod }).lean();
      expect(handled.length).toBeGreaterThan(0);
      expect(response.data).toEqual({ handler: { scorecard: { outcomes: outcomesOf(handled) } }, claimant: { scorecard: { outcomes: outcomesOf(claimed) } } });
    });

    it("mobilises a party group's grid of a four-level community door to door, its responsible person visiting", async () => {
      const community = first.communityIds[1]!;
      const grid = (await databases.organisations.Grid.findOne({ communityId: community, level: 'PARTY_GROUP' }).sort({ _id: 1 }).lean())!;
      const households = await databases.residents.Household.find({ gridId: grid._id }, { _id: 1 }).sort({ _id: 1 }).lean();
      const worker = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [community] });
      const coverage = 'id status coverage { households reached unvisited }';
      const started = await stack.query<{ startMobilisation: { id: string; status: string; coverage: object } }>(
        `mutation($input: StartMobilisationInput!) { startMobilisation(input: $input) { ${coverage} } }`,
        { input: { gridId: hex(grid._id), reason: '防汛转移通知' } },
        { token: worker },
      );
      expect(started.errors).toEqual([]);
      expect(started.data!.startMobilisation).toMatchObject({ status: 'OPEN', coverage: { households: households.length, reached: 0, unvisited: households.length } });

      const responsible = await stack.token({ roles: ['RESIDENT'], residentId: hex(grid.responsiblePersonId)! });
      const visited = await stack.query<{ recordHouseholdVisit: { coverage: object } }>(
        `mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { ${coverage} } }`,
        { input: { mobilisationId: started.data!.startMobilisation.id, householdId: hex(households[0]!._id), outcome: 'REACHED' } },
        { token: responsible },
      );
      expect(visited.errors).toEqual([]);
      expect(visited.data!.recordHouseholdVisit.coverage).toEqual({ households: households.length, reached: 1, unvisited: households.length - 1 });
    });
  });
});
