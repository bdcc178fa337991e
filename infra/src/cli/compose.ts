import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { composeSupergraph, CompositionError, configuredSubgraph, readSupergraphConfig, SUPERGRAPH_CONFIG_PATH, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { parseCommandLine } from '../command-line.ts';

const USAGE = `usage: npm run compose [-- --config <supergraph.yaml> --output <supergraph.graphql>]

Composes the subgraphs the config lists (infra/supergraph.yaml by default) into the supergraph file
(infra/supergraph.graphql by default), which a running gateway follows.`;

const { values } = parseCommandLine('compose', USAGE, { config: { type: 'string' }, output: { type: 'string' } });
const configPath = typeof values.config === 'string' ? resolve(values.config) : SUPERGRAPH_CONFIG_PATH;
const outputPath = typeof values.output === 'string' ? resolve(values.output) : SUPERGRAPH_OUTPUT_PATH;

/** `npm run compose`: infra/supergraph.yaml -> infra/supergraph.graphql, failing loudly. */
try {
  const subgraphs = await readSupergraphConfig(configPath);
  await writeFile(outputPath, composeSupergraph(subgraphs.map((subgraph) => configuredSubgraph(subgraph))));
  console.log(`composed ${subgraphs.map((s) => s.name).join(', ')} into ${relative(process.cwd(), outputPath)}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : `compose failed: ${(error as Error).message}`);
  process.exit(1);
}
