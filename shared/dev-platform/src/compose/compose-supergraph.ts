import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';
import type { SubgraphEntry } from './supergraph-config.ts';

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** One subgraph as composition takes it: its name, where the gateway calls it, and its schema. */
export interface SubgraphToCompose {
  name: string;
  url: string;
  /** The SDL, parsed or as text. */
  typeDefs: DocumentNode | string;
  /** Where text SDL came from, named when it does not parse. */
  source?: string;
}

/** A subgraph of the supergraph config, composed at its routing URL unless another is given. */
export function configuredSubgraph(entry: SubgraphEntry, url = entry.routingUrl): SubgraphToCompose {
  return { name: entry.name, url, typeDefs: entry.sdl, source: entry.schemaPath };
}

/** Composes the subgraphs into a supergraph SDL, or throws naming every problem. */
export function composeSupergraph(subgraphs: readonly SubgraphToCompose[]): string {
  const result = composeServices(
    subgraphs.map((subgraph) => {
      if (typeof subgraph.typeDefs !== 'string') return { name: subgraph.name, url: subgraph.url, typeDefs: subgraph.typeDefs };
      try {
        return { name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.typeDefs) };
      } catch (error) {
        throw new CompositionError([`${subgraph.name} (${subgraph.source ?? 'SDL'}): ${(error as Error).message}`]);
      }
    }),
  );
  if (result.errors) {
    throw new CompositionError(result.errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`));
  }
  return result.supergraphSdl;
}
