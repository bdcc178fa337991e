import type { Viewer } from '@civic/identity';

/** Per-request state of the gateway. */
export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  /** The signed viewer header for each subgraph, by subgraph name: made once per request on first use. */
  forwardedViewers?: Map<string, Promise<string>>;
}
