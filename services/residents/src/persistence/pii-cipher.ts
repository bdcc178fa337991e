import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { mongo } from 'mongoose';
import type { PiiKeys } from '@civic/identity';

/** The personal numbers kept sealed at rest, each with its lookup hash beside it. */
export const SEALED_FIELDS = ['phone', 'idNumber'] as const;
export type SealedField = (typeof SEALED_FIELDS)[number];

/** Where each sealed field's lookup hash is stored. */
export const LOOKUP_HASH_FIELD: Readonly<Record<SealedField, string>> = { phone: 'phoneHash', idNumber: 'idNumberHash' };

/** Every name a sealed value is stored under: the residents' numbers, and a correction request's proposed value. */
export type SealedValueField = SealedField | 'proposedValue';

/**
 * A value as stored: AES-256-GCM under the key `keyId` names, with its own random 96-bit IV. The
 * field's name is the associated data, so a sealed phone copied into `idNumber`, or a proposed value
 * copied into `phone`, does not open.
 */
export interface SealedValue {
  keyId: string;
  iv: Bytes;
  ciphertext: Bytes;
  tag: Bytes;
}

/** Bytes as sealed (Buffer), or as the driver reads them back (its Binary). */
type Bytes = Buffer | mongo.Binary;

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be opened: tampered, truncated, or sealed under a key this process lacks. */
export class SealedValueRefused extends Error {
  constructor(field: SealedValueField, reason: string) {
    super(`The stored ${field} cannot be opened: ${reason}`);
    this.name = 'SealedValueRefused';
  }
}

export interface PiiCipher {
  currentKeyId: string;
  seal(field: SealedValueField, plain: string): SealedValue;
  open(field: SealedValueField, sealed: SealedValue): string;
  /** HMAC-SHA256 under the lookup key, of the field's name and the value: equal values, equal hashes. */
  lookupHash(field: SealedValueField, plain: string): string;
}

export function piiCipher(keys: PiiKeys): PiiCipher {
  // Key objects made once: a cipher made from raw bytes costs about four times as much CPU per value.
  const encryptionKeys = new Map<string, KeyObject>([...keys.encryptionKeys].map(([keyId, key]) => [keyId, createSecretKey(key)]));
  const lookupKey = createSecretKey(keys.lookupKey);
  return {
    currentKeyId: keys.currentKeyId,
    seal(field, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, encryptionKeys.get(keys.currentKeyId)!, iv).setAAD(Buffer.from(field));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return { keyId: keys.currentKeyId, iv, ciphertext, tag: cipher.getAuthTag() };
    },
    open(field, sealed) {
      const key = encryptionKeys.get(sealed.keyId);
      if (!key) throw new SealedValueRefused(field, `it was sealed under key ${sealed.keyId}, which PII_ENCRYPTION_KEYS does not hold`);
      const iv = bytesOf(sealed.iv);
      const tag = bytesOf(sealed.tag);
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedValueRefused(field, 'its IV or tag has the wrong length');
      try {
        const decipher = createDecipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(field)).setAuthTag(tag);
        return Buffer.concat([decipher.update(bytesOf(sealed.ciphertext)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedValueRefused(field, `it fails its integrity check under key ${sealed.keyId} (altered, or not sealed as ${field})`);
      }
    },
    lookupHash(field, plain) {
      return createHmac('sha256', lookupKey).update(`${field}:${plain}`).digest('hex');
    },
  };
}

/** A stored value read back: sealed, or (from before encryption, until `npm run pii -- rotate` seals it) clear text. */
export function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && 'keyId' in value && 'ciphertext' in value;
}

/** The driver reads binary fields as its own Binary type; node:crypto wants bytes. */
function bytesOf(value: Bytes): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer.subarray(0, value.position));
}
