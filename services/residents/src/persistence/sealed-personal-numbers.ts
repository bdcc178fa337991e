import mongoose, { type HydratedDocument, type MongooseQueryMiddleware, type Query, type Schema } from 'mongoose';
import { isSealed, LOOKUP_HASH_FIELD, SEALED_FIELDS, type PiiCipher, type SealedField } from './pii-cipher.ts';

/**
 * The one place residents' phone and ID numbers are sealed and opened: the Resident model's
 * middleware. Everything above the model (resolvers, loaders, the seed, other services' parts)
 * writes and reads plain values; the database holds each sealed (`pii-cipher.ts`) with its lookup
 * hash beside it (`phoneHash`, `idNumberHash`), and a filter on a plain value is asked of the hash.
 */
export function sealPersonalNumbers(schema: Schema, cipher: PiiCipher): void {
  const plainOnSave = new WeakMap<object, Record<string, unknown>>();

  schema.pre('save', function (this: HydratedDocument<Record<string, unknown>>) {
    const plain: Record<string, unknown> = {};
    for (const field of SEALED_FIELDS) {
      const value = this.get(field) as unknown;
      plain[field] = value;
      if (typeof value === 'string') {
        this.set(field, cipher.seal(field, value));
        this.set(LOOKUP_HASH_FIELD[field], cipher.lookupHash(field, value));
      } else if (value === null || value === undefined) {
        this.set(LOOKUP_HASH_FIELD[field], undefined);
      }
    }
    plainOnSave.set(this, plain);
  });
  // The saved document goes on being used (`create` answers it): it holds the plain values again.
  schema.post('save', function (this: HydratedDocument<Record<string, unknown>>) {
    const plain = plainOnSave.get(this);
    if (plain) for (const field of SEALED_FIELDS) if (typeof plain[field] === 'string') this.set(field, plain[field]);
  });

  // Sealed copies are inserted; the caller's records and array stay as they were. Mongoose inserts
  // the arguments a hook returns this way, though its types declare the hook as returning nothing.
  const sealCopies = (documents: Record<string, unknown>[]) => mongoose.overwriteMiddlewareArguments(documents.map((document) => sealedDocument(document, cipher)));
  schema.pre('insertMany', sealCopies as unknown as (documents: unknown[]) => void);

  const filtered: MongooseQueryMiddleware[] = ['find', 'findOne', 'countDocuments', 'findOneAndUpdate', 'findOneAndDelete', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany'];
  schema.pre(filtered, function (this: Query<unknown, unknown>) {
    this.setQuery(hashedFilter(this.getFilter(), cipher));
  });
  schema.pre(['findOneAndUpdate', 'updateOne', 'updateMany'], function (this: Query<unknown, unknown>) {
    const update = this.getUpdate();
    if (update && !Array.isArray(update)) this.setUpdate(sealedUpdate(update as Record<string, unknown>, cipher));
  });

  schema.post(['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete'], function (result: unknown) {
    openSealedValues(result, cipher);
  });
  schema.post('aggregate', function (result: unknown[]) {
    openSealedValues(result, cipher);
  });
}

/** A record to insert as stored: its numbers sealed and hashed; the record itself is left as it was. */
export function sealedDocument(document: Record<string, unknown>, cipher: PiiCipher): Record<string, unknown> {
  const stored = { ...document };
  for (const field of SEALED_FIELDS) {
    const value = document[field];
    if (typeof value === 'string') {
      stored[field] = cipher.seal(field, value);
      stored[LOOKUP_HASH_FIELD[field]] = cipher.lookupHash(field, value);
    }
  }
  return stored;
}

/** `$set` of a number seals it and sets its hash; setting null or `$unset` clears the hash too. */
function sealedUpdate(update: Record<string, unknown>, cipher: PiiCipher): Record<string, unknown> {
  const sealed: Record<string, unknown> = { ...update };
  const sets = { ...((update.$set as Record<string, unknown> | undefined) ?? {}) };
  const unsets = { ...((update.$unset as Record<string, unknown> | undefined) ?? {}) };
  for (const field of SEALED_FIELDS) {
    // A plain field at the top of an update is a `$set` of it.
    const value = field in update ? update[field] : sets[field];
    delete sealed[field];
    if (typeof value === 'string') {
      sets[field] = cipher.seal(field, value);
      sets[LOOKUP_HASH_FIELD[field]] = cipher.lookupHash(field, value);
    } else if (value === null) {
      sets[field] = null;
      unsets[LOOKUP_HASH_FIELD[field]] = 1;
    }
    if (field in unsets) unsets[LOOKUP_HASH_FIELD[field]] = 1;
  }
  if (Object.keys(sets).length > 0) sealed.$set = sets;
  if (Object.keys(unsets).length > 0) sealed.$unset = unsets;
  return sealed;
}

/** An exact match on a plain number becomes a match on its hash, inside `$and`, `$or` and `$nor` too. */
function hashedFilter(filter: Record<string, unknown>, cipher: PiiCipher): Record<string, unknown> {
  const hashed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      hashed[key] = value.map((condition: Record<string, unknown>) => hashedFilter(condition, cipher));
    } else if (isSealedField(key) && typeof value === 'string') {
      hashed[LOOKUP_HASH_FIELD[key]] = cipher.lookupHash(key, value);
    } else {
      hashed[key] = value;
    }
  }
  return hashed;
}

/**
 * Opens every sealed number in what a read returned: documents, lists of them, or the lists an
 * aggregate's `$facet` cut. Values from before encryption (clear strings) read as they are.
 */
function openSealedValues(value: unknown, cipher: PiiCipher): void {
  if (Array.isArray(value)) {
    for (const item of value) openSealedValues(item, cipher);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (isHydrated(value)) {
    const document = value;
    for (const field of SEALED_FIELDS) {
      const stored = document.get(field) as unknown;
      if (isSealed(stored)) document.set(field, cipher.open(field, stored));
    }
    return;
  }
  const document = value as Record<string, unknown>;
  for (const [key, inner] of Object.entries(document)) {
    if (isSealedField(key) && isSealed(inner)) document[key] = cipher.open(key, inner);
    else if (Array.isArray(inner) && inner.some(isPlainObject)) openSealedValues(inner, cipher);
  }
}

/** A document or a facet's row as the driver reads it; ids, dates and bytes are not. */
function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isHydrated(value: object): value is HydratedDocument<Record<string, unknown>> {
  return '$__' in value;
}

function isSealedField(key: string): key is SealedField {
  return (SEALED_FIELDS as readonly string[]).includes(key);
}
