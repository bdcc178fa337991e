/**
 * Matching a wish to resources: active resources serving the wish's community or an organisation
 * above it, sharing at least one tag with the wish; the nearest level first (a community's own
 * resources before the street's before the district's), then by title and id, compared by code
 * point as the database sorts listings.
 */

export const DEFAULT_MATCHES = 10;
export const MAX_MATCHES = 50;

export interface WishForMatching {
  tags: readonly string[];
  /** Root..community. */
  organisationPath: readonly string[];
}

export interface MatchCandidate {
  id: string;
  title: string;
  tags: readonly string[];
  /** The served organisation's id. */
  servedOrganisationId: string;
  /** Depth of the served organisation (0 for the root). */
  servedDepth: number;
}

export function matchResources<T extends MatchCandidate>(wish: WishForMatching, candidates: readonly T[], first: number): T[] {
  const tags = new Set(wish.tags);
  const path = new Set(wish.organisationPath);
  return candidates
    .filter((candidate) => path.has(candidate.servedOrganisationId) && candidate.tags.some((tag) => tags.has(tag)))
    .sort((a, b) => b.servedDepth - a.servedDepth || compareText(a.title, b.title) || compareText(a.id, b.id))
    .slice(0, first);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
