import { randomUUID } from 'node:crypto';
import {
  ANONYMOUS,
  FORWARDED_VIEWER_HEADER,
  issueAccessToken,
  signForwardedViewer,
  type AccessTokenClaims,
  type ForwardedViewerSigningKey,
  type Viewer,
} from '@civic/identity';
import type { BenchKeys } from './bench-keys.ts';

// Long enough for the slowest run (a district seed and its scans), like a working day's token.
const TOKEN_TTL_SECONDS = 24 * 3600;
// A forwarded viewer is valid 30 s. Direct calls reuse one for 20 s: the bench's own signing stays out of the figures.
const FORWARDED_VIEWER_RENEWAL_MS = 20_000;

/**
 * One kind of user as the bench plays it: a bearer token for the gateway, and the viewer the
 * gateway would forward to a subgraph, signed with the gateway's key, for calling it directly.
 */
export class Caller {
  private readonly forwarded = new Map<string, { header: Promise<string>; signedAt: number }>();

  constructor(
    private readonly gatewayKey: ForwardedViewerSigningKey,
    readonly viewer: Viewer,
    /** Null for anonymous callers, who send no Authorization header. */
    readonly token: string | null,
  ) {}

  gatewayHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  /** The headers the gateway would send `subgraph` (its name as composed): the viewer is signed for it alone. */
  async subgraphHeaders(subgraph: string): Promise<Record<string, string>> {
    const now = Date.now();
    let forwarded = this.forwarded.get(subgraph);
    if (!forwarded || now - forwarded.signedAt > FORWARDED_VIEWER_RENEWAL_MS) {
      const requestId = `bench:${randomUUID()}`;
      forwarded = { header: signForwardedViewer(this.gatewayKey, this.viewer, { audience: subgraph, requestId, purpose: null }), signedAt: now };
      this.forwarded.set(subgraph, forwarded);
    }
    return { [FORWARDED_VIEWER_HEADER]: await forwarded.header };
  }
}

export class Callers {
  constructor(private readonly keys: BenchKeys) {}

  anonymous(): Caller {
    return new Caller(this.keys.gateway, ANONYMOUS, null);
  }

  async signedIn(claims: AccessTokenClaims): Promise<Caller> {
    const viewer: Viewer = { subject: claims.subject, residentId: claims.residentId ?? null, roles: claims.roles, scope: claims.scope ?? [] };
    return new Caller(this.keys.gateway, viewer, await issueAccessToken(this.keys.accessToken.privateKey, claims, TOKEN_TTL_SECONDS));
  }

  /** A resident acting for themself, with extra roles such as VOLUNTEER. */
  resident(residentId: string, roles: AccessTokenClaims['roles'] = ['RESIDENT']): Promise<Caller> {
    return this.signedIn({ subject: `bench:resident:${residentId}`, residentId, roles });
  }

  staff(role: AccessTokenClaims['roles'][number], organisationId: string): Promise<Caller> {
    return this.signedIn({ subject: `bench:${role.toLowerCase()}:${organisationId}`, roles: [role], scope: [organisationId] });
  }
}
