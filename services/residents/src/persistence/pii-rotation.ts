import type { mongo, Types } from 'mongoose';
import { isSealed, LOOKUP_HASH_FIELD, SEALED_FIELDS, type PiiCipher, type SealedValue } from './pii-cipher.ts';

/** What a rotation did, value by value (a resident holds up to two). */
export interface RotationCounts {
  residents: number;
  /** Sealed again under the current key: sealed under an older one before. */
  resealed: number;
  /** Stored in clear from before encryption, now sealed. */
  sealedFromClear: number;
  /** Hash recomputed under the current lookup key, the value's seal unchanged. */
  rehashed: number;
  unchanged: number;
  /** Written by the service between this run's read and its write; that write used the current keys. */
  changedMeanwhile: number;
}

export interface RotationOptions {
  batchSize: number;
  /** Called after each batch with the counts so far. */
  onBatch?: (counts: RotationCounts) => void;
  /** Stops after this many batches (a run cut short, for tests); all of them by default. */
  maxBatches?: number;
}

type StoredResident = { _id: Types.ObjectId } & Partial<Record<string, unknown>>;

/**
 * Brings every stored phone and ID number to the current keys, resident by resident in `_id`
 * order and in batches: a value sealed under another key is sealed again under the current one, a
 * clear value is sealed, and a hash not made with the current lookup key is made again. Each
 * resident is one conditional update on the values it read, so a concurrent change is never
 * overwritten. A run stopped half-way leaves every value readable, since each names its key; the
 * next run finds what is left.
 */
export async function rotatePersonalNumbers(collection: mongo.Collection, cipher: PiiCipher, options: RotationOptions): Promise<RotationCounts> {
  const counts: RotationCounts = { residents: 0, resealed: 0, sealedFromClear: 0, rehashed: 0, unchanged: 0, changedMeanwhile: 0 };
  const projection = Object.fromEntries(SEALED_FIELDS.flatMap((field) => [[field, 1], [LOOKUP_HASH_FIELD[field], 1]]));
  let after: Types.ObjectId | undefined;
  for (let batches = 0; batches < (options.maxBatches ?? Infinity); batches++) {
    const residents = (await collection
      .find(after ? { _id: { $gt: after } } : {}, { projection })
      .sort({ _id: 1 })
      .limit(options.batchSize)
      .toArray()) as StoredResident[];
    if (residents.length === 0) break;
    for (const resident of residents) await rotateResident(collection, cipher, resident, counts);
    counts.residents += residents.length;
    after = residents.at(-1)!._id;
    options.onBatch?.({ ...counts });
  }
  return counts;
}

async function rotateResident(collection: mongo.Collection, cipher: PiiCipher, resident: StoredResident, counts: RotationCounts): Promise<void> {
  const filter: Record<string, unknown> = { _id: resident._id };
  const set: Record<string, unknown> = {};
  const outcomes: (keyof RotationCounts)[] = [];
  for (const field of SEALED_FIELDS) {
    const stored = resident[field];
    if (stored === null || stored === undefined) continue;
    const plain = isSealed(stored) ? cipher.open(field, stored) : String(stored);
    const hashField = LOOKUP_HASH_FIELD[field];
    const hash = cipher.lookupHash(field, plain);
    const current = isSealed(stored) && (stored as SealedValue).keyId === cipher.currentKeyId;
    if (current && resident[hashField] === hash) {
      outcomes.push('unchanged');
      continue;
    }
    // The values as read: a write since then makes the update match nothing.
    filter[field] = stored;
    filter[hashField] = resident[hashField] ?? null;
    if (!current) set[field] = cipher.seal(field, plain);
    set[hashField] = hash;
    outcomes.push(current ? 'rehashed' : isSealed(stored) ? 'resealed' : 'sealedFromClear');
  }
  if (Object.keys(set).length > 0) {
    const { matchedCount } = await collection.updateOne(filter, { $set: set });
    if (matchedCount === 0) {
      counts.changedMeanwhile += outcomes.filter((outcome) => outcome !== 'unchanged').length;
      counts.unchanged += outcomes.filter((outcome) => outcome === 'unchanged').length;
      return;
    }
  }
  for (const outcome of outcomes) counts[outcome] += 1;
}
