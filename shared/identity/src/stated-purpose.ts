/**
 * The purpose a staff client states for what it reads (PIPL asks for one for every use of
 * personal information): sent to the gateway in a header, carried to the subgraphs inside the
 * signed forwarded viewer, and kept with every unmasked read of sensitive data in the access log.
 */

/** Header a client states its purpose in: free text, trimmed. */
export const PURPOSE_HEADER = 'x-civic-purpose';
/** The forwarded viewer's claim that carries it; absent when none was stated. */
export const PURPOSE_CLAIM = 'purpose';
/** The longest purpose, in characters, after trimming. */
export const PURPOSE_MAX_LENGTH = 200;

/** What a client's purpose header states: a purpose, nothing (absent or blank: null), or too much. */
export type StatedPurpose = { purpose: string | null } | { tooLong: true };

export function statedPurpose(header: string | string[] | undefined | null): StatedPurpose {
  const text = (Array.isArray(header) ? header.join(', ') : (header ?? '')).trim();
  if (Array.from(text).length > PURPOSE_MAX_LENGTH) return { tooLong: true };
  return { purpose: text.length === 0 ? null : text };
}

/** A purpose claim a subgraph may keep: a string within the bound, else none. */
export function purposeFromClaim(claim: unknown): string | null {
  if (typeof claim !== 'string') return null;
  const stated = statedPurpose(claim);
  return 'purpose' in stated ? stated.purpose : null;
}
