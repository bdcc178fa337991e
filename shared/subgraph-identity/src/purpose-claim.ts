import { PURPOSE_MAX_LENGTH } from './contract.ts';

/** A purpose claim a subgraph may keep: text of 1 to 200 characters once trimmed, else none (never a refusal). */
export function purposeFromClaim(claim: unknown): string | null {
  if (typeof claim !== 'string') return null;
  const trimmed = claim.trim();
  if (trimmed.length === 0 || Array.from(trimmed).length > PURPOSE_MAX_LENGTH) return null;
  return trimmed;
}
