import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { withValueTypesSdl } from '@civic/value-types';
import { projectRoot } from '../paths.ts';

/** One subgraph entry of `supergraph.yaml`, with its schema file resolved and read. */
export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schemaPath: string;
  /** The schema file's text followed by the shared value types it uses: the SDL the subgraph serves. */
  sdl: string;
}

/** The supergraph config and the supergraph composed from it: deployment files, kept in infra/. */
export const SUPERGRAPH_CONFIG_PATH = join(projectRoot, 'infra', 'supergraph.yaml');
export const SUPERGRAPH_OUTPUT_PATH = join(projectRoot, 'infra', 'supergraph.graphql');

interface RawConfig {
  subgraphs?: Record<string, { routing_url?: unknown; schema?: { file?: unknown } }>;
}

/** Reads the supergraph config; schema files are relative to the config file, as in rover. */
export async function readSupergraphConfig(configPath = SUPERGRAPH_CONFIG_PATH): Promise<SubgraphEntry[]> {
  const raw = parseYaml(await readFile(configPath, 'utf8')) as RawConfig | null;
  const entries = Object.entries(raw?.subgraphs ?? {});
  if (entries.length === 0) throw new Error(`${configPath} lists no subgraphs`);
  return Promise.all(
    entries.map(async ([name, entry]) => {
      if (typeof entry.routing_url !== 'string') throw new Error(`${configPath}: subgraph "${name}" has no routing_url`);
      if (typeof entry.schema?.file !== 'string') throw new Error(`${configPath}: subgraph "${name}" has no schema.file`);
      const schemaPath = resolve(dirname(configPath), entry.schema.file);
      const ownSdl = await readFile(schemaPath, 'utf8').catch(() => {
        throw new Error(`${configPath}: the schema file of subgraph "${name}" is missing: ${schemaPath}`);
      });
      return { name, routingUrl: entry.routing_url, schemaPath, sdl: withValueTypes(ownSdl, schemaPath, name) };
    }),
  );
}

/** A subgraph's own SDL followed by the value types it uses; a file that does not parse, or copies one differently, is named. */
function withValueTypes(sdl: string, schemaPath: string, name: string): string {
  try {
    return withValueTypesSdl(sdl);
  } catch (error) {
    throw new Error(`The schema file of subgraph "${name}" (${schemaPath}): ${(error as Error).message}`);
  }
}
