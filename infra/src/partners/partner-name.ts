/** A partner subgraph's name in its three spellings: as composed, and in its type and field names. */
export interface PartnerName {
  /** As composed in supergraph.yaml and signed as the forwarded viewer's audience: `parking-co`. */
  name: string;
  /** Prefix of its own types: `ParkingCo`. */
  pascal: string;
  /** Prefix of its fields: `parkingCo`. */
  camel: string;
}

export class PartnerNameError extends Error {}

// Lower-case words joined by single hyphens: a valid npm name, YAML key, URL segment and audience.
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_LENGTH = 40;

/** The name checked: a new one, spelled as the graph's subgraph names are. */
export function partnerName(candidate: string, taken: readonly string[]): PartnerName {
  if (!NAME.test(candidate) || candidate.length > MAX_LENGTH) {
    throw new PartnerNameError(
      `A subgraph name is 1 to ${MAX_LENGTH} lower-case letters and digits, starting with a letter, in words joined by single hyphens (such as parking-co), not "${candidate}"`,
    );
  }
  if (taken.includes(candidate)) throw new PartnerNameError(`The graph already has a subgraph named "${candidate}" (${taken.join(', ')})`);
  const words = candidate.split('-');
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return { name: candidate, pascal, camel: pascal[0]!.toLowerCase() + pascal.slice(1) };
}
