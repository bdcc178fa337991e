import { membershipBeforeJoiningAge, membershipSinceInFuture, membershipSinceInvalid } from '../errors.ts';

/** One joins the Communist Party of China at 18 at the earliest, and not in the future. */
export const PARTY_JOINING_AGE = 18;

export function requireMembershipSince(since: Date, birthYear: number | null, now: Date): Date {
  if (Number.isNaN(since.getTime())) throw membershipSinceInvalid();
  if (since.getTime() > now.getTime()) throw membershipSinceInFuture();
  if (birthYear !== null && since.getUTCFullYear() < birthYear + PARTY_JOINING_AGE) {
    throw membershipBeforeJoiningAge(birthYear);
  }
  return since;
}
