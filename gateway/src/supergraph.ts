import { readFile } from 'node:fs/promises';

/** The composed supergraph that `npm run compose` writes beside the supergraph config. */
export const SUPERGRAPH_PATH = new URL('../../infra/supergraph.graphql', import.meta.url);

export async function readSupergraph(path: URL | string = SUPERGRAPH_PATH): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new Error(`No supergraph at ${String(path)}; run \`npm run compose\` first`);
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
