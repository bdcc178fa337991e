import { randomBytes } from 'node:crypto';

/** A database name no other test file uses, so files run side by side without sharing data. */
export function uniqueDatabaseName(service: string): string {
  return `test_${randomBytes(4).toString('hex')}_${service}`;
}
