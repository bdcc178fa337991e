import type { IncomingHttpHeaders } from 'node:http';
import type { CryptoKey } from 'jose';
import { ANONYMOUS, InvalidTokenError, verifyAccessToken, type Viewer } from '@civic/identity';
import { expiredAccessToken, invalidAccessToken, malformedAuthorization } from './gateway-errors.ts';

/**
 * The caller of a request: anonymous without an Authorization header; a verified viewer with a
 * valid bearer token; refused with 401 for a malformed, forged or expired token (never silently
 * downgraded to anonymous, so a client learns its token is bad).
 */
export async function authenticate(headers: IncomingHttpHeaders, accessTokenKey: CryptoKey): Promise<Viewer> {
  const header = headers.authorization;
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw malformedAuthorization();
  try {
    return await verifyAccessToken(accessTokenKey, match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error.reason === 'expired' ? expiredAccessToken() : invalidAccessToken();
    throw error;
  }
}
