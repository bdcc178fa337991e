import { badUserInput } from '@civic/service-kit';

/** One joins the Communist Party of China at 18 at the earliest, and not in the future. */
export const PARTY_JOINING_AGE = 18;

export function requireMembershipSince(since: Date, birthYear: number | null, now: Date): Date {
  if (Number.isNaN(since.getTime())) throw badUserInput('since', 'is not a valid date');
  if (since.getTime() > now.getTime()) throw badUserInput('since', 'must not be in the future');
  if (birthYear !== null && since.getUTCFullYear() < birthYear + PARTY_JOINING_AGE) {
    throw badUserInput('since', `must be no earlier than ${birthYear + PARTY_JOINING_AGE}, the year the resident turned ${PARTY_JOINING_AGE}`);
  }
  return since;
}
