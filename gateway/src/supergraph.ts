import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Where the gateway process finds the composed supergraph: SUPERGRAPH_PATH (`npm start` and the
 * benchmark pass the one they compose), else `supergraph.graphql` in its working directory, where
 * a deployment puts it beside the gateway.
 */
export function supergraphPathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SUPERGRAPH_PATH || 'supergraph.graphql');
}

export async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new Error(`No supergraph at ${path}; set SUPERGRAPH_PATH to the composed supergraph (\`npm run compose\` writes infra/supergraph.graphql)`);
  }
}

/** SUBGRAPH_URL_<NAME> overrides a routing URL, for deployments where ports or hosts differ. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (match?.[1] && value) urls[match[1].toLowerCase()] = value;
  }
  return urls;
}
