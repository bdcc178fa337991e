/**
 * The purpose a staff client states for what it reads (PIPL asks for one for every use of
 * personal information): sent to the gateway in a header, carried to the subgraphs inside the
 * signed forwarded viewer, and kept with every unmasked read of sensitive data in the access log.
 */
import { PURPOSE_MAX_LENGTH } from '@civic/subgraph-identity';

/**
 * Header a client states its purpose in: free text, trimmed. HTTP header values are bytes, so
 * text beyond ASCII is sent percent-encoded as UTF-8 (`encodeURIComponent('入户走访')`), and a
 * literal `%` as `%25`.
 */
export const PURPOSE_HEADER = 'x-civic-purpose';
/** The forwarded viewer's claim that carries it, decoded (absent when none was stated); the longest, in characters; what a subgraph keeps of it. */
export { PURPOSE_CLAIM, PURPOSE_MAX_LENGTH, purposeFromClaim } from '@civic/subgraph-identity';

/** What a client's purpose header states: a purpose, nothing (absent or blank: null), or a refusal. */
export type StatedPurpose = { purpose: string | null } | { refused: 'too-long' | 'not-percent-encoded' };

export function statedPurpose(header: string | string[] | undefined | null): StatedPurpose {
  const raw = Array.isArray(header) ? header.join(', ') : (header ?? '');
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return { refused: 'not-percent-encoded' };
  }
  return purposeText(text);
}

function purposeText(text: string): StatedPurpose {
  const trimmed = text.trim();
  if (Array.from(trimmed).length > PURPOSE_MAX_LENGTH) return { refused: 'too-long' };
  return { purpose: trimmed.length === 0 ? null : trimmed };
}
