import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { print } from 'graphql';
import { composeSupergraph, type SubgraphToCompose } from '@civic/dev-platform';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of the test run's own where stacks keep the supergraphs they composed. */
    supergraphCacheDir: string;
  }
}

/**
 * Composes a supergraph once per set of schemas for the whole test run, not once per stack.
 * Every stack composes the same subgraphs and only their ports differ, and composition costs a
 * stack more than starting a subgraph. So the schemas are composed at placeholder URLs, that
 * supergraph is kept in `cacheDir` under a digest of the schemas (test files run in processes of
 * their own; the folder is the run's, so a supergraph never outlives the code that composed it),
 * and each stack gets it with its subgraphs' real URLs put in place of the placeholders. Schemas
 * that do not compose are not kept: composition throws its problems every time.
 */
export function cachedComposer(cacheDir: string, local: ReadonlySet<string>) {
  return async (subgraphs: readonly SubgraphToCompose[]): Promise<string> => {
    const placeholders = subgraphs.map((subgraph) => ({ ...subgraph, url: local.has(subgraph.name) ? placeholderUrl(subgraph.name) : subgraph.url }));
    const path = join(cacheDir, `${digest(placeholders)}.graphql`);
    let supergraph = existsSync(path) ? await readFile(path, 'utf8') : null;
    if (supergraph === null) {
      supergraph = composeSupergraph(placeholders);
      // Written whole under another name first: a file running beside this one reads it whole or not at all.
      const partial = `${path}.${process.pid}`;
      await writeFile(partial, supergraph);
      await rename(partial, path);
    }
    for (const subgraph of subgraphs) if (local.has(subgraph.name)) supergraph = supergraph.replaceAll(`"${placeholderUrl(subgraph.name)}"`, JSON.stringify(subgraph.url));
    return supergraph;
  };
}

/** A URL no subgraph listens at, which appears in a composed supergraph only as its subgraph's `url`. */
function placeholderUrl(name: string): string {
  return `http://${name}.subgraph.invalid/graphql`;
}

function digest(subgraphs: readonly SubgraphToCompose[]): string {
  const hash = createHash('sha256');
  for (const { name, url, typeDefs } of subgraphs) hash.update(JSON.stringify([name, url, typeof typeDefs === 'string' ? typeDefs : print(typeDefs)]));
  return hash.digest('hex');
}
