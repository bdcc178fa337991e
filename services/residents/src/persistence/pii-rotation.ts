import type { mongo, Types } from 'mongoose';
import { isSealed, type PiiCipher, type SealedValue } from './pii-cipher.ts';
import { CORRECTION_SEALED_FIELDS, RESIDENT_SEALED_FIELDS, type SealedFields } from './sealed-fields.ts';

/** Every collection holding sealed values, and its sealed fields: a rotation goes through each. */
export const SEALED_COLLECTIONS: Readonly<Record<string, SealedFields>> = {
  residents: RESIDENT_SEALED_FIELDS,
  dataCorrectionRequests: CORRECTION_SEALED_FIELDS,
};

/** What a rotation of one collection did, value by value (a resident holds up to two, a correction request one). */
export interface RotationCounts {
  documents: number;
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

type StoredDocument = { _id: Types.ObjectId } & Partial<Record<string, unknown>>;

/**
 * Brings every sealed value of a collection (`SEALED_COLLECTIONS`) to the current keys, document by
 * document in `_id` order and in batches: a value sealed under another key is sealed again under
 * the current one, a clear value is sealed, and a lookup hash not made with the current lookup key
 * is made again. Each document is one conditional update on the values it read, so a concurrent
 * change is never overwritten. A run stopped half-way leaves every value readable, since each names
 * its key; the next run finds what is left.
 */
export async function rotateSealedValues(collection: mongo.Collection, cipher: PiiCipher, sealed: SealedFields, options: RotationOptions): Promise<RotationCounts> {
  const counts: RotationCounts = { documents: 0, resealed: 0, sealedFromClear: 0, rehashed: 0, unchanged: 0, changedMeanwhile: 0 };
  const projection = Object.fromEntries([...sealed.fields, ...Object.values(sealed.lookupHashes)].map((field) => [field, 1]));
  let after: Types.ObjectId | undefined;
  for (let batches = 0; batches < (options.maxBatches ?? Infinity); batches++) {
    const documents = (await collection
      .find(after ? { _id: { $gt: after } } : {}, { projection })
      .sort({ _id: 1 })
      .limit(options.batchSize)
      .toArray()) as StoredDocument[];
    if (documents.length === 0) break;
    for (const document of documents) await rotateDocument(collection, cipher, sealed, document, counts);
    counts.documents += documents.length;
    after = documents.at(-1)!._id;
    options.onBatch?.({ ...counts });
  }
  return counts;
}

async function rotateDocument(collection: mongo.Collection, cipher: PiiCipher, sealed: SealedFields, document: StoredDocument, counts: RotationCounts): Promise<void> {
  const filter: Record<string, unknown> = { _id: document._id };
  const set: Record<string, unknown> = {};
  const outcomes: (keyof RotationCounts)[] = [];
  for (const field of sealed.fields) {
    const stored = document[field];
    if (stored === null || stored === undefined) continue;
    const plain = isSealed(stored) ? cipher.open(field, stored) : String(stored);
    const hashField = sealed.lookupHashes[field];
    const hash = hashField ? cipher.lookupHash(field, plain) : undefined;
    const current = isSealed(stored) && (stored as SealedValue).keyId === cipher.currentKeyId;
    const hashCurrent = !hashField || document[hashField] === hash;
    if (current && hashCurrent) {
      outcomes.push('unchanged');
      continue;
    }
    // The values as read: a write since then makes the update match nothing.
    filter[field] = stored;
    if (!current) set[field] = cipher.seal(field, plain);
    if (hashField) {
      filter[hashField] = document[hashField] ?? null;
      set[hashField] = hash;
    }
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
