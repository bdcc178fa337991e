import { PII_KEY_VARIABLES } from '@civic/identity';
import { readSupergraphConfig } from '@civic/dev-platform';
import type { DeployedProcess } from './deployment-environments.ts';

/**
 * What a process needs in production, where nothing may fall back to a development default:
 * without these a subgraph exits (MONGODB_URI), listens on loopback only (HOST), generates a key of
 * its own (the key variables), publishes no events (NATS_URL), runs no sweeps (GATEWAY_URL,
 * SERVICE_TOKEN), the gateway or the router's coprocessor signs with a key of its own, or the gateway calls the supergraph's loopback routing URLs (SUBGRAPH_URL_<NAME>).
 * Each entry is a list of alternatives: one of them must be set.
 */
export async function requiredVariables(process: Pick<DeployedProcess, 'name' | 'kind'>): Promise<string[][]> {
  if (process.kind === 'gateway') {
    const subgraphs = await readSupergraphConfig();
    return [
      ['HOST'],
      ['SUPERGRAPH_PATH'],
      ['ACCESS_TOKEN_PUBLIC_JWK'],
      ['GATEWAY_PRIVATE_JWK'],
      ['NATS_URL'],
      ...subgraphs.map((subgraph) => [`SUBGRAPH_URL_${subgraph.name.toUpperCase()}`]),
    ];
  }
  if (process.kind === 'router-coprocessor') return [['HOST'], ['GATEWAY_PRIVATE_JWK']];
  const required = [['HOST'], ['MONGODB_URI'], ['NATS_URL'], ['GATEWAY_URL'], ['SERVICE_TOKEN'], ['GATEWAY_JWKS_URL', 'GATEWAY_PUBLIC_JWK']];
  if (process.name === 'residents') required.push(...Object.values(PII_KEY_VARIABLES).map((variable) => [variable]));
  return required;
}

/** The alternatives of which a process sets none. */
export function missingVariables(required: string[][], variables: readonly string[]): string[][] {
  return required.filter((alternatives) => !alternatives.some((variable) => variables.includes(variable)));
}
