import type { Viewer } from '@civic/identity';

/** Per-request state of the gateway. */
export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  /** The signed viewer header, made once per request on first use. */
  forwardedViewer?: Promise<string>;
}
