import type { Collection } from 'mongoose';
import type { Scale } from './plan.ts';
import { documentCount, type SeedDatabases } from './databases.ts';
import { SEEDED_SERVICE_NAMES } from './seeded-services.ts';

/** What a seed produced, or what an earlier seed left, with ids worth trying queries on. */
export interface SeedSummary {
  /** The scale just seeded; null when the summary was read back from existing data. */
  scale: Scale | null;
  seeded: boolean;
  databases: SeedDatabases['names'];
  /** Documents per collection, e.g. `residents`, `activity_sign_ups`. */
  counts: Record<string, number>;
  /** Seconds spent inserting each collection (empty when read back). */
  insertSeconds: Record<string, number>;
  elapsedMs: number;
  districtId: string | null;
  /** The first street (江心洲街道 in seeded data), the scope a street admin's token needs. */
  streetId: string | null;
  /** The communities of that street. */
  communityIds: string[];
  /** A resident of the first community who signed up for its first activity (not the sample staff member). */
  sampleResidentId: string | null;
  /** The resident responsible for the first community's first micro-grid, as a grid worker of that community. */
  sampleStaff: { residentId: string; scope: string[] } | null;
}

export type SampleIds = Pick<SeedSummary, 'districtId' | 'streetId' | 'communityIds' | 'sampleResidentId' | 'sampleStaff'>;

/**
 * The handy ids, found by query so that a fresh seed and a read-back agree: seeded ids sort in
 * generation order, so "first by _id" is the first generated.
 */
export async function readSampleIds({ organisations }: SeedDatabases): Promise<SampleIds> {
  const first = { sort: { _id: 1 as const } };
  const district = await organisations.Organisation.findOne({ kind: 'DISTRICT_COMMITTEE' }, { _id: 1 }, first).lean();
  const street = await organisations.Organisation.findOne({ kind: 'STREET_COMMITTEE' }, { _id: 1 }, first).lean();
  const communities = street
    ? await organisations.Organisation.find({ parentId: street._id, kind: 'COMMUNITY_PARTY_COMMITTEE' }, { _id: 1 }, first).lean()
    : [];
  const community = communities[0];
  const microGrid = community
    ? await organisations.Grid.findOne({ communityId: community._id, level: 'MICRO', responsiblePersonId: { $ne: null } }, { responsiblePersonId: 1 }, first).lean()
    : null;
  const staffId = microGrid?.responsiblePersonId ?? null;
  // A participant of the community's first activity, the first to sign up: a neighbour (mostly a
  // volunteer) with activities to show.
  const activity = community ? await organisations.Activity.findOne({ hostPath: community._id }, { _id: 1 }, first).lean() : null;
  const signUp = activity
    ? await organisations.ActivitySignUp.findOne({ activityId: activity._id, ...(staffId ? { residentId: { $ne: staffId } } : {}) }, { residentId: 1 }, { sort: { signedUpAt: 1, _id: 1 } }).lean()
    : null;
  return {
    districtId: district?._id.toHexString() ?? null,
    streetId: street?._id.toHexString() ?? null,
    communityIds: communities.map(({ _id }) => _id.toHexString()),
    sampleResidentId: signUp?.residentId.toHexString() ?? null,
    sampleStaff: community && staffId ? { residentId: staffId.toHexString(), scope: [community._id.toHexString()] } : null,
  };
}

/** Documents per seeded collection in every seeded database; not the outboxes: the seed writes records, never events. */
export async function countCollections(databases: SeedDatabases): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const models = SEEDED_SERVICE_NAMES.flatMap((service) =>
    Object.entries(databases[service])
      .filter(([name]) => name !== 'Outbox')
      .map(([, model]) => model as { collection: Collection }),
  );
  for (const { collection } of models) counts[collection.collectionName] = await documentCount(collection);
  return counts;
}
