import { SignJWT, jwtVerify, type CryptoKey } from 'jose';
import { SIGNING_ALGORITHM } from './keys.ts';
import { viewerFromPayload } from './access-token.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';

/** Header the gateway sets on every subgraph request; subgraphs refuse requests without it. */
export const FORWARDED_VIEWER_HEADER = 'x-civic-viewer';

const ISSUER = 'civic-graph-gateway';
const AUDIENCE = 'civic-graph-subgraphs';
// Short-lived: a captured header is useless a minute later.
const TTL_SECONDS = 60;
const ANONYMOUS_SUBJECT = 'anonymous';

/** Signs the verified viewer for the subgraphs with the gateway's own key. */
export async function signForwardedViewer(gatewayKey: CryptoKey, viewer: Viewer, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ rid: viewer.residentId, roles: viewer.roles, scope: viewer.scope })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(viewer.subject ?? ANONYMOUS_SUBJECT)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(gatewayKey);
}

/** Verifies the header a subgraph received; throws when it was not signed by the gateway. */
export async function verifyForwardedViewer(gatewayPublicKey: CryptoKey, token: string): Promise<Viewer> {
  const { payload } = await jwtVerify(token, gatewayPublicKey, {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: [SIGNING_ALGORITHM],
  });
  if (payload.sub === ANONYMOUS_SUBJECT) return ANONYMOUS;
  return viewerFromPayload(payload);
}
