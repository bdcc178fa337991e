import { ANONYMOUS, FORWARDED_VIEWER_HEADER, issueAccessToken, signForwardedViewer, type AccessTokenClaims, type KeyPair, type Viewer } from '@civic/identity';
import type { BenchKeys } from './bench-keys.ts';

// Long enough for the slowest run (a district seed and its scans), like a working day's token.
const TOKEN_TTL_SECONDS = 24 * 3600;
// A forwarded viewer is valid 60 s. Direct calls reuse one for 20 s: the bench's own signing stays out of the figures.
const FORWARDED_VIEWER_RENEWAL_MS = 20_000;

/**
 * One kind of user as the bench plays it: a bearer token for the gateway, and the viewer the
 * gateway would forward, signed with the gateway's key, for calling a subgraph directly.
 */
export class Caller {
  private forwarded: { header: Promise<string>; signedAt: number } | null = null;

  constructor(
    private readonly gatewayKey: KeyPair['privateKey'],
    readonly viewer: Viewer,
    /** Null for anonymous callers, who send no Authorization header. */
    readonly token: string | null,
  ) {}

  gatewayHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  async subgraphHeaders(): Promise<Record<string, string>> {
    const now = Date.now();
    if (!this.forwarded || now - this.forwarded.signedAt > FORWARDED_VIEWER_RENEWAL_MS) {
      this.forwarded = { header: signForwardedViewer(this.gatewayKey, this.viewer), signedAt: now };
    }
    return { [FORWARDED_VIEWER_HEADER]: await this.forwarded.header };
  }
}

export class Callers {
  constructor(private readonly keys: BenchKeys) {}

  anonymous(): Caller {
    return new Caller(this.keys.gateway.privateKey, ANONYMOUS, null);
  }

  async signedIn(claims: AccessTokenClaims): Promise<Caller> {
    const viewer: Viewer = { subject: claims.subject, residentId: claims.residentId ?? null, roles: claims.roles, scope: claims.scope ?? [] };
    return new Caller(this.keys.gateway.privateKey, viewer, await issueAccessToken(this.keys.accessToken.privateKey, claims, TOKEN_TTL_SECONDS));
  }

  /** A resident acting for themself, with extra roles such as VOLUNTEER. */
  resident(residentId: string, roles: AccessTokenClaims['roles'] = ['RESIDENT']): Promise<Caller> {
    return this.signedIn({ subject: `bench:resident:${residentId}`, residentId, roles });
  }

  staff(role: AccessTokenClaims['roles'][number], organisationId: string): Promise<Caller> {
    return this.signedIn({ subject: `bench:${role.toLowerCase()}:${organisationId}`, roles: [role], scope: [organisationId] });
  }
}
