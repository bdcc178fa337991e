import { loaderById } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';

/** Built per request by the service kit. */
export function createLoaders(models: Models, _viewer: Viewer) {
  return {
    resident: loaderById(models.Resident),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
