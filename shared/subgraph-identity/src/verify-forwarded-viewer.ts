import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { FORWARDED_VIEWER_HEADER } from './contract.ts';
import { ForwardedViewerRefused } from './refusal.ts';
import { verifyForwardedViewerToken, type ForwardedViewer, type GatewayVerificationKey } from './verify-token.ts';

/** The headers of a request as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a framework hands them over. */
export type RequestHeaders = Headers | Readonly<Record<string, string | string[] | undefined>>;

interface Audience {
  /** The subgraph's own name, as composed in the supergraph: the `aud` it accepts. */
  audience: string;
  /** The time to check against; now by default (tests pass another). */
  now?: Date;
}

/**
 * Where the gateway's keys come from: its JWKS URL (`<gateway origin>/.well-known/jwks.json`,
 * fetched on first use, cached, and fetched again when a token names a `kid` it does not hold),
 * a key set held in hand, or a key (or key resolver) built by the caller.
 */
export type VerifyForwardedViewerOptions = Audience & ({ jwksUrl: string | URL } | { keys: JSONWebKeySet | GatewayVerificationKey });

// One remote key set per URL for the process, so its cache and its rate limit on refetches hold across requests.
const remoteKeySets = new Map<string, JWTVerifyGetKey>();
const localKeySets = new WeakMap<JSONWebKeySet, JWTVerifyGetKey>();

/**
 * Verifies the `x-civic-viewer` header of one request to the subgraph named `audience`. Throws
 * ForwardedViewerRefused (`code` UNAUTHENTICATED, `status` 401) when the header is missing or fails
 * any check of the contract.
 */
export async function verifyForwardedViewer(headers: RequestHeaders, options: VerifyForwardedViewerOptions): Promise<ForwardedViewer> {
  const token = forwardedViewerHeader(headers);
  if (token === null) throw new ForwardedViewerRefused('missing');
  return verifyForwardedViewerToken(verificationKey(options), token, options.audience, options.now);
}

function forwardedViewerHeader(headers: RequestHeaders): string | null {
  const value = headers instanceof Headers ? headers.get(FORWARDED_VIEWER_HEADER) : headers[FORWARDED_VIEWER_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function verificationKey(options: VerifyForwardedViewerOptions): GatewayVerificationKey {
  if ('jwksUrl' in options) {
    const url = new URL(options.jwksUrl).href;
    if (!remoteKeySets.has(url)) remoteKeySets.set(url, createRemoteJWKSet(new URL(url)));
    return remoteKeySets.get(url)!;
  }
  const { keys } = options;
  if (typeof keys === 'function' || !isKeySet(keys)) return keys;
  if (!localKeySets.has(keys)) localKeySets.set(keys, createLocalJWKSet(keys));
  return localKeySets.get(keys)!;
}

function isKeySet(keys: JSONWebKeySet | GatewayVerificationKey): keys is JSONWebKeySet {
  return Array.isArray((keys as JSONWebKeySet).keys);
}
