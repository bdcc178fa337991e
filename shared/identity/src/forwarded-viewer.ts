import { SignJWT, type CryptoKey } from 'jose';
import {
  ANONYMOUS_SUBJECT,
  FORWARDED_VIEWER_ISSUER,
  FORWARDED_VIEWER_MAX_LIFETIME_SECONDS,
  REQUEST_ID_CLAIM,
  verifyForwardedViewerToken,
  type GatewayVerificationKey,
} from '@civic/subgraph-identity';
import { SIGNING_ALGORITHM } from './keys.ts';
import { isRole } from './roles.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';
import { PURPOSE_CLAIM } from './stated-purpose.ts';

// The contract a subgraph verifies lives in @civic/subgraph-identity, which a partner's subgraph uses too.
export {
  FORWARDED_VIEWER_HEADER,
  FORWARDED_VIEWER_ISSUER,
  FORWARDED_VIEWER_MAX_LIFETIME_SECONDS,
  REQUEST_ID_CLAIM,
  FORWARDED_VIEWER_REFUSALS,
  ForwardedViewerRefused,
  type ForwardedViewerRefusalReason,
  type GatewayVerificationKey,
} from '@civic/subgraph-identity';

/** The gateway's private key and the `kid` it is published under in the JWKS. */
export interface ForwardedViewerSigningKey {
  privateKey: CryptoKey;
  kid: string;
  /** How long each header it signs lives, 1 to 30 seconds; the longest allowed when absent. */
  lifetimeSeconds?: number;
}

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
 * Verifies the header a subgraph received (the contract's checks, `verifyForwardedViewerToken`),
 * keeping the roles this graph knows. Throws ForwardedViewerRefused; a JWKS that cannot be
 * fetched is not the caller's fault and is rethrown as it is.
 */
export async function verifyForwardedViewer(
  key: GatewayVerificationKey,
  token: string,
  audience: string,
  now: Date = new Date(),
): Promise<VerifiedForwardedViewer> {
  const { subject, residentId, roles, scope, requestId, purpose } = await verifyForwardedViewerToken(key, token, audience, now);
  const viewer: Viewer = subject === null ? ANONYMOUS : { subject, residentId, roles: roles.filter(isRole), scope };
  return { viewer, requestId, purpose };
}
