import type { Viewer } from '@civic/identity';

/** Per-request state of the gateway. */
export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  /** The purpose the caller stated (`x-civic-purpose`), or null: carried to every subgraph. */
  purpose: string | null;
}
