import { errors, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  ANONYMOUS_SUBJECT,
  CLOCK_TOLERANCE_SECONDS,
  FORWARDED_VIEWER_ALGORITHM,
  FORWARDED_VIEWER_ISSUER,
  FORWARDED_VIEWER_MAX_LIFETIME_SECONDS,
  PURPOSE_CLAIM,
  REQUEST_ID_CLAIM,
} from './contract.ts';
import { ForwardedViewerRefused } from './refusal.ts';
import { purposeFromClaim } from './purpose-claim.ts';

/** What a subgraph verifies with: the gateway's public key, or a key set (`createRemoteJWKSet`, `createLocalJWKSet`). */
export type GatewayVerificationKey = CryptoKey | JWTVerifyGetKey;

/** The caller, as a forwarded viewer the subgraph verified names them. */
export interface ForwardedViewer {
  /** A resident id, a service (`service:wishes`), another token subject, or null for an anonymous caller. */
  subject: string | null;
  /** The resident the caller is, or null. */
  residentId: string | null;
  /** As the gateway sent them; a subgraph ignores the ones it does not know. */
  roles: string[];
  /** Ids of the organisations whose subtrees the caller may act in. */
  scope: string[];
  /** The gateway's id of the request (`x-request-id`). */
  requestId: string;
  /** The purpose the caller stated, or null: not stated. */
  purpose: string | null;
}

/**
 * Verifies one forwarded viewer token: signed by the gateway (EdDSA, its issuer), meant for
 * `audience` (the subgraph itself), unexpired, not dated in the future, living no longer than
 * allowed even when the signature is good, and complete. Throws ForwardedViewerRefused; a JWKS
 * that cannot be fetched is not the caller's fault and is rethrown as it is.
 */
export async function verifyForwardedViewerToken(key: GatewayVerificationKey, token: string, audience: string, now: Date = new Date()): Promise<ForwardedViewer> {
  const payload = await verifiedPayload(key, token, audience, now);
  if (payload.exp! - payload.iat! > FORWARDED_VIEWER_MAX_LIFETIME_SECONDS) throw new ForwardedViewerRefused('too-long-lived');
  const requestId = payload[REQUEST_ID_CLAIM];
  if (typeof requestId !== 'string' || requestId.length === 0) throw new ForwardedViewerRefused('incomplete');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new ForwardedViewerRefused('incomplete');
  const purpose = purposeFromClaim(payload[PURPOSE_CLAIM]);
  if (payload.sub === ANONYMOUS_SUBJECT) return { subject: null, residentId: null, roles: [], scope: [], requestId, purpose };
  return {
    subject: payload.sub,
    residentId: typeof payload.rid === 'string' ? payload.rid : null,
    roles: strings(payload.roles),
    scope: strings(payload.scope),
    requestId,
    purpose,
  };
}

function strings(claim: unknown): string[] {
  return Array.isArray(claim) ? claim.filter((item): item is string => typeof item === 'string') : [];
}

async function verifiedPayload(key: GatewayVerificationKey, token: string, audience: string, now: Date): Promise<JWTPayload> {
  const options = {
    issuer: FORWARDED_VIEWER_ISSUER,
    audience,
    algorithms: [FORWARDED_VIEWER_ALGORITHM],
    requiredClaims: ['sub', 'iat', 'exp'],
    // With maxTokenAge jose also refuses an `iat` in the future, which would stretch the lifetime.
    maxTokenAge: FORWARDED_VIEWER_MAX_LIFETIME_SECONDS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    currentDate: now,
  };
  try {
    // Two calls, because jose types a key and a key resolver as different overloads.
    const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    return payload;
  } catch (error) {
    throw refusalOf(error);
  }
}

function refusalOf(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return new ForwardedViewerRefused('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return new ForwardedViewerRefused('incomplete');
    if (error.claim === 'aud') return new ForwardedViewerRefused('other-audience');
    if (error.claim === 'iat') return new ForwardedViewerRefused('issued-in-future');
    return new ForwardedViewerRefused('unsigned');
  }
  const notTheGatewaysToken =
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys;
  return notTheGatewaysToken ? new ForwardedViewerRefused('unsigned') : error;
}
