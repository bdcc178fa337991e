import type { IncomingMessage } from 'node:http';
import type { CryptoKey } from 'jose';
import type { Viewer } from '@civic/identity';
import { authenticate } from './authenticate.ts';

const viewers = new WeakMap<IncomingMessage, Promise<Viewer>>();

/** The caller of a request, authenticated once however many steps (rate limits, context) ask. */
export function viewerOf(request: IncomingMessage, accessTokenKey: CryptoKey): Promise<Viewer> {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = authenticate(request.headers, accessTokenKey);
    viewers.set(request, viewer);
  }
  return viewer;
}
