import { SignJWT, jwtVerify, errors, type CryptoKey } from 'jose';
import { isRole, type Role } from './roles.ts';
import { SIGNING_ALGORITHM } from './keys.ts';
import type { Viewer } from './viewer.ts';

export const ACCESS_TOKEN_ISSUER = 'civic-graph-identity';
export const ACCESS_TOKEN_AUDIENCE = 'civic-graph';

export interface AccessTokenClaims {
  subject: string;
  residentId?: string | null;
  roles: Role[];
  scope?: string[];
}

/** Issues a bearer token for a person or a service (development issuer; production uses its IdP). */
export async function issueAccessToken(
  privateKey: CryptoKey,
  claims: AccessTokenClaims,
  ttlSeconds = 8 * 3600,
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ rid: claims.residentId ?? null, roles: claims.roles, scope: claims.scope ?? [] })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(claims.subject)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(privateKey);
}

/** What the caller is told of a bearer token that is refused, by reason. */
export const ACCESS_TOKEN_REFUSALS = {
  expired: 'The access token has expired',
  invalid: 'The access token is invalid',
} as const;

export class InvalidTokenError extends Error {
  constructor(readonly reason: keyof typeof ACCESS_TOKEN_REFUSALS) {
    super(ACCESS_TOKEN_REFUSALS[reason]);
  }
}

/** Verifies a bearer token and turns its claims into a Viewer; throws InvalidTokenError. */
export async function verifyAccessToken(publicKey: CryptoKey, token: string): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      algorithms: [SIGNING_ALGORITHM],
    });
    return viewerFromPayload(payload);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
    throw new InvalidTokenError('invalid');
  }
}

export function viewerFromPayload(payload: Record<string, unknown>): Viewer {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  const scope = Array.isArray(payload.scope) ? payload.scope.filter((s): s is string => typeof s === 'string') : [];
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('invalid');
  return {
    subject: payload.sub,
    residentId: typeof payload.rid === 'string' ? payload.rid : null,
    roles,
    scope,
  };
}
