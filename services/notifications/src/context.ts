import type { SubgraphContext } from '@civic/service-kit';
import type { Models } from './models/index.ts';
import type { Loaders } from './loaders.ts';

export type Context = SubgraphContext<Models, Loaders>;
