import mongoose, { type HydratedDocument, type MongooseQueryMiddleware, type Query, type Schema } from 'mongoose';
import { isSealed, LOOKUP_HASH_FIELD, SEALED_FIELDS, type PiiCipher, type SealedValueField } from './pii-cipher.ts';

/** Which fields of a collection are sealed at rest, and the lookup hash stored beside those that filters may name. */
export interface SealedFields {
  fields: readonly SealedValueField[];
  lookupHashes: Readonly<Partial<Record<SealedValueField, string>>>;
}

/** A resident's phone and ID number, each with its lookup hash. */
export const RESIDENT_SEALED_FIELDS: SealedFields = { fields: SEALED_FIELDS, lookupHashes: LOOKUP_HASH_FIELD };
/** A correction request's proposed value (every correctable fact is personal); nothing looks it up. */
export const CORRECTION_SEALED_FIELDS: SealedFields = { fields: ['proposedValue'], lookupHashes: {} };

/**
 * The one place a model's sealed fields are sealed and opened: its middleware. Everything above the
 * model (resolvers, loaders, persistence, the seed, the export) writes and reads plain values; the
 * database holds each sealed (`pii-cipher.ts`), with its lookup hash beside it where it has one
 * (`phoneHash`, `idNumberHash`), and a filter on a plain value is asked of the hash.
 */
export function sealFieldsAtRest(schema: Schema, cipher: PiiCipher, sealed: SealedFields): void {
  const plainOnSave = new WeakMap<object, Record<string, unknown>>();

  schema.pre('save', function (this: HydratedDocument<Record<string, unknown>>) {
    const plain: Record<string, unknown> = {};
    for (const field of sealed.fields) {
      const value = this.get(field) as unknown;
      const hashField = sealed.lookupHashes[field];
      plain[field] = value;
      if (typeof value === 'string') {
        this.set(field, cipher.seal(field, value));
        if (hashField) this.set(hashField, cipher.lookupHash(field, value));
      } else if ((value === null || value === undefined) && hashField) {
        this.set(hashField, undefined);
      }
    }
    plainOnSave.set(this, plain);
  });
  // The saved document goes on being used (`create` answers it): it holds the plain values again.
  schema.post('save', function (this: HydratedDocument<Record<string, unknown>>) {
    const plain = plainOnSave.get(this);
    if (plain) for (const field of sealed.fields) if (typeof plain[field] === 'string') this.set(field, plain[field]);
  });

  // Sealed copies are inserted; the caller's records and array stay as they were. Mongoose inserts
  // the arguments a hook returns this way, though its types declare the hook as returning nothing.
  const sealCopies = (documents: Record<string, unknown>[]) => mongoose.overwriteMiddlewareArguments(documents.map((document) => sealedDocument(document, cipher, sealed)));
  schema.pre('insertMany', sealCopies as unknown as (documents: unknown[]) => void);

  const filtered: MongooseQueryMiddleware[] = ['find', 'findOne', 'countDocuments', 'findOneAndUpdate', 'findOneAndDelete', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany'];
  schema.pre(filtered, function (this: Query<unknown, unknown>) {
    this.setQuery(hashedFilter(this.getFilter(), cipher, sealed));
  });
  schema.pre(['findOneAndUpdate', 'updateOne', 'updateMany'], function (this: Query<unknown, unknown>) {
    const update = this.getUpdate();
    if (update && !Array.isArray(update)) this.setUpdate(sealedUpdate(update as Record<string, unknown>, cipher, sealed));
  });

  schema.post(['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete'], function (result: unknown) {
    openSealedValues(result, cipher, sealed);
  });
  schema.post('aggregate', function (result: unknown[]) {
    openSealedValues(result, cipher, sealed);
  });
}

/** A record to insert as stored: its sealed fields sealed (and hashed); the record itself is left as it was. */
function sealedDocument(document: Record<string, unknown>, cipher: PiiCipher, sealed: SealedFields): Record<string, unknown> {
  const stored = { ...document };
  for (const field of sealed.fields) {
    const value = document[field];
    const hashField = sealed.lookupHashes[field];
    if (typeof value === 'string') {
      stored[field] = cipher.seal(field, value);
      if (hashField) stored[hashField] = cipher.lookupHash(field, value);
    }
  }
  return stored;
}

/** `$set` of a sealed field seals it and sets its hash; setting null or `$unset` clears the hash too. */
function sealedUpdate(update: Record<string, unknown>, cipher: PiiCipher, sealed: SealedFields): Record<string, unknown> {
  const result: Record<string, unknown> = { ...update };
  const sets = { ...((update.$set as Record<string, unknown> | undefined) ?? {}) };
  const unsets = { ...((update.$unset as Record<string, unknown> | undefined) ?? {}) };
  for (const field of sealed.fields) {
    // A plain field at the top of an update is a `$set` of it.
    const value = field in update ? update[field] : sets[field];
    const hashField = sealed.lookupHashes[field];
    delete result[field];
    if (typeof value === 'string') {
      sets[field] = cipher.seal(field, value);
      if (hashField) sets[hashField] = cipher.lookupHash(field, value);
    } else if (value === null) {
      sets[field] = null;
      if (hashField) unsets[hashField] = 1;
    }
    if (field in unsets && hashField) unsets[hashField] = 1;
  }
  if (Object.keys(sets).length > 0) result.$set = sets;
  if (Object.keys(unsets).length > 0) result.$unset = unsets;
  return result;
}

/**
 * An exact match on a plain value becomes a match on its hash, inside `$and`, `$or` and `$nor` too.
 * A field sealed without a hash cannot be matched (each seal differs), so naming it is refused rather
 * than answered with nothing.
 */
function hashedFilter(filter: Record<string, unknown>, cipher: PiiCipher, sealed: SealedFields): Record<string, unknown> {
  const hashed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      hashed[key] = value.map((condition: Record<string, unknown>) => hashedFilter(condition, cipher, sealed));
    } else if (isSealedField(key, sealed) && typeof value === 'string') {
      const hashField = sealed.lookupHashes[key];
      if (!hashField) throw new Error(`${key} is sealed at rest without a lookup hash: a filter cannot match it`);
      hashed[hashField] = cipher.lookupHash(key, value);
    } else {
      hashed[key] = value;
    }
  }
  return hashed;
}

/**
 * Opens every sealed value in what a read returned: documents, lists of them, or the lists an
 * aggregate's `$facet` cut. Values from before encryption (clear strings) read as they are.
 */
function openSealedValues(value: unknown, cipher: PiiCipher, sealed: SealedFields): void {
  if (Array.isArray(value)) {
    for (const item of value) openSealedValues(item, cipher, sealed);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (isHydrated(value)) {
    const document = value;
    for (const field of sealed.fields) {
      const stored = document.get(field) as unknown;
      if (isSealed(stored)) document.set(field, cipher.open(field, stored));
    }
    return;
  }
  const document = value as Record<string, unknown>;
  for (const [key, inner] of Object.entries(document)) {
    if (isSealedField(key, sealed) && isSealed(inner)) document[key] = cipher.open(key, inner);
    else if (Array.isArray(inner) && inner.some(isPlainObject)) openSealedValues(inner, cipher, sealed);
  }
}

/** A document or a facet's row as the driver reads it; ids, dates and bytes are not. */
function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isHydrated(value: object): value is HydratedDocument<Record<string, unknown>> {
  return '$__' in value;
}

function isSealedField(key: string, sealed: SealedFields): key is SealedValueField {
  return (sealed.fields as readonly string[]).includes(key);
}
