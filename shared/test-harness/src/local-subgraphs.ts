import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSupergraphConfig } from '@civic/dev-platform';
import type { SubgraphDefinition } from '@civic/service-kit';

export type AnySubgraph = SubgraphDefinition<object, unknown>;

/**
 * Every subgraph listed in infra/supergraph.yaml whose code is in this repository, loaded from
 * its `src/subgraph.ts` beside the schema. Loading by path keeps the harness free of package
 * dependencies on the services, so any service's tests can start the whole graph.
 */
export async function loadLocalSubgraphs(): Promise<AnySubgraph[]> {
  const entries = await readSupergraphConfig();
  const definitions: AnySubgraph[] = [];
  for (const entry of entries) {
    const modulePath = join(dirname(entry.schemaPath), 'subgraph.ts');
    if (!existsSync(modulePath)) continue;
    const exported = Object.values((await import(pathToFileURL(modulePath).href)) as Record<string, unknown>);
    const definition = exported.find((value): value is AnySubgraph => (value as AnySubgraph | null)?.name === entry.name && 'typeDefs' in (value as object));
    if (!definition) throw new Error(`${modulePath} exports no subgraph definition named "${entry.name}"`);
    definitions.push(definition);
  }
  return definitions;
}
