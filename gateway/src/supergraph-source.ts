import type { SupergraphManager } from '@apollo/gateway';
import { watch } from 'chokidar';
import type { Logger } from 'pino';
import { checkSupergraph } from './supergraph-check.ts';
import { readSupergraph } from './supergraph.ts';

/** A supergraph given once (tests, the in-process graph): served as it is for the gateway's life. */
export function fixedSupergraph(supergraphSdl: string): SupergraphManager {
  return { initialize: async () => ({ supergraphSdl }) };
}

// Editors and deployments write a file in bursts (truncate, write, rename); one reload per burst.
const SETTLE_MS = 200;

/**
 * A supergraph file the gateway follows: each change is checked and served without a restart;
 * a file that is not a valid supergraph is refused with a logged reason, and the previous one
 * keeps serving. The first read must be valid, or the gateway does not start.
 */
export function watchedSupergraphFile(path: string, logger: Logger): SupergraphManager {
  return {
    async initialize({ update }) {
      const initial = await readSupergraph(path);
      checkSupergraph(initial);
      let reloading = Promise.resolve();
      const reload = async () => {
        const candidate = await readSupergraph(path).catch((error: Error) => error);
        if (candidate instanceof Error) return logger.error({ path, reason: candidate.message }, 'supergraph file unreadable; the previous supergraph keeps serving');
        try {
          const subgraphs = checkSupergraph(candidate);
          update(candidate);
          logger.info({ path, subgraphs: subgraphs.map((subgraph) => subgraph.name) }, 'supergraph reloaded');
        } catch (error) {
          logger.error({ path, reason: (error as Error).message }, 'supergraph refused; the previous supergraph keeps serving');
        }
      };
      const watcher = watch(path, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: SETTLE_MS, pollInterval: 50 } });
      // One reload at a time, in the order the file changed.
      watcher.on('all', (event) => {
        if (event === 'add' || event === 'change') reloading = reloading.then(reload);
      });
      await new Promise<void>((resolve) => watcher.once('ready', resolve));
      return { supergraphSdl: initial, cleanup: () => watcher.close() };
    },
  };
}
