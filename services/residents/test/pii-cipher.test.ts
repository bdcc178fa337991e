import { describe, expect, it } from 'vitest';
import { generatePiiKeys, withNewEncryptionKey, withNewLookupKey } from '@civic/identity';
import { piiCipher, SealedValueRefused } from '../src/persistence/pii-cipher.ts';

/** The seal itself, without a database: AES-256-GCM per value, HMAC-SHA256 lookup hashes. */

const keys = generatePiiKeys('k1');
const cipher = piiCipher(keys);

describe('sealing', () => {
  it('opens what it sealed, under the key the value names', () => {
    const sealed = cipher.seal('phone', '13812345678');
    expect(sealed.keyId).toBe('k1');
    expect([sealed.iv.length, sealed.tag.length, sealed.ciphertext.length]).toEqual([12, 16, 11]);
    expect(cipher.open('phone', sealed)).toBe('13812345678');
  });

  it('uses a fresh IV for every value, so equal values never look equal at rest', () => {
    const [first, second] = [cipher.seal('idNumber', '320105198001010015'), cipher.seal('idNumber', '320105198001010015')];
    expect(Buffer.compare(first.iv as Buffer, second.iv as Buffer)).not.toBe(0);
    expect(Buffer.compare(first.ciphertext as Buffer, second.ciphertext as Buffer)).not.toBe(0);
  });

  it('opens values of an older key after a new one became current', () => {
    const old = cipher.seal('phone', '13812345678');
    const rotated = piiCipher(withNewEncryptionKey(keys, 'k2'));
    expect(rotated.seal('phone', '13812345678').keyId).toBe('k2');
    expect(rotated.open('phone', old)).toBe('13812345678');
  });
});

describe('refusing what does not open', () => {
  const sealed = cipher.seal('phone', '13812345678');
  const flipped = (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => (index === 0 ? byte ^ 1 : byte)));

  it.each([
    ['an altered ciphertext', { ...sealed, ciphertext: flipped(sealed.ciphertext as Buffer) }],
    ['an altered tag', { ...sealed, tag: flipped(sealed.tag as Buffer) }],
    ['an altered IV', { ...sealed, iv: flipped(sealed.iv as Buffer) }],
  ])('refuses %s by its GCM tag', (_case, tampered) => {
    expect(() => cipher.open('phone', tampered)).toThrow(new SealedValueRefused('phone', 'it fails its integrity check under key k1 (altered, or not sealed as phone)'));
  });

  it('refuses a phone presented as an ID number (the field is the associated data)', () => {
    expect(() => cipher.open('idNumber', sealed)).toThrow('The stored idNumber cannot be opened: it fails its integrity check under key k1 (altered, or not sealed as idNumber)');
  });

  it('refuses a value under a key it does not hold, and a truncated tag', () => {
    expect(() => piiCipher(generatePiiKeys('k9')).open('phone', sealed)).toThrow('The stored phone cannot be opened: it was sealed under key k1, which PII_ENCRYPTION_KEYS does not hold');
    expect(() => cipher.open('phone', { ...sealed, tag: (sealed.tag as Buffer).subarray(0, 8) })).toThrow('The stored phone cannot be opened: its IV or tag has the wrong length');
  });
});

describe('lookup hashes', () => {
  it('are equal for equal values, differ by field and by lookup key', () => {
    const hash = cipher.lookupHash('phone', '13812345678');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.lookupHash('phone', '13812345678')).toBe(hash);
    expect(cipher.lookupHash('phone', '13812345679')).not.toBe(hash);
    expect(cipher.lookupHash('idNumber', '13812345678')).not.toBe(hash);
    expect(piiCipher(withNewLookupKey(keys)).lookupHash('phone', '13812345678')).not.toBe(hash);
  });
});
