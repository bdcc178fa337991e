import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { SubgraphEntry } from './supergraph-config.ts';

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Composes the subgraphs into a supergraph SDL, or throws naming every problem. */
export function composeSupergraph(subgraphs: readonly SubgraphEntry[]): string {
  const result = composeServices(
    subgraphs.map((subgraph) => {
      try {
        return { name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) };
      } catch (error) {
        throw new CompositionError([`${subgraph.name} (${subgraph.schemaPath}): ${(error as Error).message}`]);
      }
    }),
  );
  if (result.errors) {
    throw new CompositionError(result.errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`));
  }
  return result.supergraphSdl;
}
