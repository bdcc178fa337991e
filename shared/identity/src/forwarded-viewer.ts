import { SignJWT, errors, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { SIGNING_ALGORITHM } from './keys.ts';
import { viewerFromPayload } from './access-token.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';
import { PURPOSE_CLAIM, purposeFromClaim } from './stated-purpose.ts';

/** Header the gateway sets on every subgraph request; subgraphs refuse requests without it. */
export const FORWARDED_VIEWER_HEADER = 'x-civic-viewer';
export const FORWARDED_VIEWER_ISSUER = 'civic-graph-gateway';
/** The longest a forwarded viewer may live (`exp - iat`): a captured header is useless half a minute later. */
export const FORWARDED_VIEWER_MAX_LIFETIME_SECONDS = 30;
/** The claim carrying the gateway's request id (`rid` is the resident id, as in access tokens). */
export const REQUEST_ID_CLAIM = 'request_id';
const ANONYMOUS_SUBJECT = 'anonymous';
// Absorbs whole-second timestamps and a little clock drift between the gateway and a subgraph.
const CLOCK_TOLERANCE_SECONDS = 1;

/** The gateway's private key and the `kid` it is published under in the JWKS. */
export interface ForwardedViewerSigningKey {
  privateKey: CryptoKey;
  kid: string;
  /** How long each header it signs lives, 1 to 30 seconds; the longest allowed when absent. */
  lifetimeSeconds?: number;
}

/** What a subgraph verifies with: the gateway's public key, or its JWKS (`createRemoteJWKSet`). */
export type GatewayVerificationKey = CryptoKey | JWTVerifyGetKey;

/** One request to one subgraph, as the forwarded viewer names it. */
export interface ForwardedRequest {
  /** The subgraph's name as composed: the only subgraph that accepts the header (`aud`). */
  audience: string;
  /** The `x-request-id` the gateway forwards with it. */
  requestId: string;
  /** The purpose the caller stated (`x-civic-purpose`), or null. */
  purpose: string | null;
}

/** A forwarded viewer a subgraph has verified. */
export interface VerifiedForwardedViewer {
  viewer: Viewer;
  requestId: string;
  /** The purpose the caller stated, or null: not stated. */
  purpose: string | null;
}

export type ForwardedViewerRefusalReason = 'missing' | 'unsigned' | 'other-audience' | 'expired' | 'too-long-lived' | 'issued-in-future' | 'incomplete';

const REFUSAL_MESSAGES: Record<ForwardedViewerRefusalReason, string> = {
  missing: 'Subgraphs accept only requests forwarded by the gateway',
  unsigned: 'The forwarded identity was not signed by the gateway',
  'other-audience': 'The forwarded identity is meant for another subgraph',
  expired: 'The forwarded identity has expired',
  'too-long-lived': `A forwarded identity may live at most ${FORWARDED_VIEWER_MAX_LIFETIME_SECONDS} seconds`,
  'issued-in-future': 'The forwarded identity is dated in the future',
  incomplete: 'The forwarded identity lacks a required claim',
};

/** Why a subgraph refuses a forwarded viewer; the message is what the caller is told. */
export class ForwardedViewerRefused extends Error {
  constructor(readonly reason: ForwardedViewerRefusalReason) {
    super(REFUSAL_MESSAGES[reason]);
  }
}

/** Signs the verified viewer for one subgraph request, for the key's lifetime (the longest allowed by default). */
export async function signForwardedViewer(
  key: ForwardedViewerSigningKey,
  viewer: Viewer,
  request: ForwardedRequest,
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const purpose = request.purpose === null ? {} : { [PURPOSE_CLAIM]: request.purpose };
  return new SignJWT({ rid: viewer.residentId, roles: viewer.roles, scope: viewer.scope, [REQUEST_ID_CLAIM]: request.requestId, ...purpose })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid })
    .setSubject(viewer.subject ?? ANONYMOUS_SUBJECT)
    .setIssuer(FORWARDED_VIEWER_ISSUER)
    .setAudience(request.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (key.lifetimeSeconds ?? FORWARDED_VIEWER_MAX_LIFETIME_SECONDS))
    .sign(key.privateKey);
}

/**
 * Verifies the header a subgraph received: signed by the gateway, meant for `audience` (the
 * subgraph itself), unexpired, and living no longer than allowed even when the signature is good.
 * Throws ForwardedViewerRefused; a JWKS that cannot be fetched is not the caller's fault and is
 * rethrown as it is.
 */
export async function verifyForwardedViewer(
  key: GatewayVerificationKey,
  token: string,
  audience: string,
  now: Date = new Date(),
): Promise<VerifiedForwardedViewer> {
  const payload = await verifiedPayload(key, token, audience, now);
  if (payload.exp! - payload.iat! > FORWARDED_VIEWER_MAX_LIFETIME_SECONDS) throw new ForwardedViewerRefused('too-long-lived');
  const requestId = payload[REQUEST_ID_CLAIM];
  if (typeof requestId !== 'string' || requestId.length === 0) throw new ForwardedViewerRefused('incomplete');
  return { viewer: payload.sub === ANONYMOUS_SUBJECT ? ANONYMOUS : viewerFromPayload(payload), requestId, purpose: purposeFromClaim(payload[PURPOSE_CLAIM]) };
}

async function verifiedPayload(key: GatewayVerificationKey, token: string, audience: string, now: Date): Promise<JWTPayload> {
  const options = {
    issuer: FORWARDED_VIEWER_ISSUER,
    audience,
    algorithms: [SIGNING_ALGORITHM],
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
