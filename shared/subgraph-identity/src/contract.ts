/** The forwarded viewer's contract, as README.md states it: one place for every name and number. */

/** Header the gateway sets on every subgraph request: a JWT it signed for that one subgraph. */
export const FORWARDED_VIEWER_HEADER = 'x-civic-viewer';
/** Header naming the client's request at the gateway; the forwarded viewer carries the same value. */
export const REQUEST_ID_HEADER = 'x-request-id';
export const FORWARDED_VIEWER_ISSUER = 'civic-graph-gateway';
/** Ed25519 (RFC 8037), the only algorithm accepted. */
export const FORWARDED_VIEWER_ALGORITHM = 'EdDSA';
/** The longest a forwarded viewer may live (`exp - iat`): a captured header is useless half a minute later. */
export const FORWARDED_VIEWER_MAX_LIFETIME_SECONDS = 30;
/** Where the gateway publishes the keys it signs with, below its origin. */
export const JWKS_PATH = '/.well-known/jwks.json';
/** The claim carrying the gateway's request id (`rid` is the resident id, as in access tokens). */
export const REQUEST_ID_CLAIM = 'request_id';
/** The claim carrying the purpose the caller stated, when one was. */
export const PURPOSE_CLAIM = 'purpose';
/** The longest purpose, in characters. */
export const PURPOSE_MAX_LENGTH = 200;
/** The subject of a caller without a token. */
export const ANONYMOUS_SUBJECT = 'anonymous';
// Absorbs whole-second timestamps and a little clock drift between the gateway and a subgraph.
export const CLOCK_TOLERANCE_SECONDS = 1;
