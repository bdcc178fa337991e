import { describe, expect, it } from 'vitest';
import { composeProcesses, kubernetesProcesses, type DeployedProcess } from '../../src/deploy/deployment-environments.ts';
import { isReadBy, variablesReadBy } from '../../src/deploy/environment-reads.ts';
import { missingVariables, requiredVariables } from '../../src/deploy/required-environment.ts';

const reads = { gateway: await variablesReadBy('gateway'), subgraph: await variablesReadBy('subgraph'), 'router-coprocessor': await variablesReadBy('router-coprocessor') };
const unread = (process: DeployedProcess) => process.variables.filter((variable) => !isReadBy(reads[process.kind], variable));

describe.each([
  ['compose', composeProcesses],
  ['Kubernetes', kubernetesProcesses],
])('the %s files', (_files, processes) => {
  it("start the gateway, the six subgraphs and the router's coprocessor", async () => {
    expect((await processes()).map((process) => `${process.kind}:${process.name}`).sort()).toEqual(
      ['gateway:gateway', 'router-coprocessor:router-coprocessor', 'subgraph:meetings', 'subgraph:notifications', 'subgraph:organisations', 'subgraph:residents', 'subgraph:resources', 'subgraph:wishes'],
    );
  });

  it('set only variables the code reads', async () => {
    for (const process of await processes()) expect({ process: process.name, unread: unread(process) }).toEqual({ process: process.name, unread: [] });
  });

  it('set every variable a process needs in production', async () => {
    for (const process of await processes()) {
      expect({ process: process.name, missing: missingVariables(await requiredVariables(process), process.variables) }).toEqual({ process: process.name, missing: [] });
    }
  });
});

describe('the check of variables', () => {
  it('finds the readers behind the config helpers', () => {
    for (const variable of ['MONGODB_URI', 'PII_LOOKUP_KEY', 'DEADLINE_SWEEP_MINUTES', 'DATABASE_READ_TIMEOUT_MS', 'GATEWAY_JWKS_URL']) expect(isReadBy(reads.subgraph, variable)).toBe(true);
    for (const variable of ['RATE_LIMIT_MONGODB_URI', 'QUERY_COST_BUDGETS', 'SUBGRAPH_URL_WISHES', 'GATEWAY_PRIVATE_JWK', 'TRUST_PROXY']) expect(isReadBy(reads.gateway, variable)).toBe(true);
  });

  it('refuses a variable no code reads, and one read only by the other kind of process', () => {
    expect(unread({ file: 'x', name: 'gateway', kind: 'gateway', variables: ['MONGODB_URI', 'DATABASE_URL'] })).toEqual(['MONGODB_URI', 'DATABASE_URL']);
    expect(unread({ file: 'x', name: 'wishes', kind: 'subgraph', variables: ['SUPERGRAPH_PATH'] })).toEqual(['SUPERGRAPH_PATH']);
  });

  it("reads the coprocessor's variables in its own code only", () => {
    for (const variable of ['GATEWAY_PRIVATE_JWK', 'PORT', 'HOST', 'LOG_LEVEL']) expect(isReadBy(reads['router-coprocessor'], variable)).toBe(true);
    for (const variable of ['SUPERGRAPH_PATH', 'NATS_URL', 'MONGODB_URI', 'RATE_LIMIT_MONGODB_URI']) expect(isReadBy(reads['router-coprocessor'], variable)).toBe(false);
  });

  it('names what a process lacks', async () => {
    expect(missingVariables(await requiredVariables({ name: 'residents', kind: 'subgraph' }), ['HOST', 'MONGODB_URI', 'NATS_URL', 'GATEWAY_URL', 'SERVICE_TOKEN', 'GATEWAY_PUBLIC_JWK', 'PII_ENCRYPTION_KEYS'])).toEqual([
      ['PII_ENCRYPTION_KEY_ID'],
      ['PII_LOOKUP_KEY'],
    ]);
    expect(missingVariables(await requiredVariables({ name: 'router-coprocessor', kind: 'router-coprocessor' }), ['HOST', 'ACCESS_TOKEN_PUBLIC_JWK'])).toEqual([['GATEWAY_PRIVATE_JWK']]);
  });
});
