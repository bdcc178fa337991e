import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { composeSupergraph, CompositionError, configuredSubgraph, readSupergraphConfig, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';

/** `npm run compose`: infra/supergraph.yaml -> infra/supergraph.graphql, failing loudly. */
try {
  const subgraphs = await readSupergraphConfig();
  await writeFile(SUPERGRAPH_OUTPUT_PATH, composeSupergraph(subgraphs.map((subgraph) => configuredSubgraph(subgraph))));
  console.log(`composed ${subgraphs.map((s) => s.name).join(', ')} into ${relative(process.cwd(), SUPERGRAPH_OUTPUT_PATH)}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : `compose failed: ${(error as Error).message}`);
  process.exit(1);
}
