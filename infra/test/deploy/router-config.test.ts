import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSupergraphConfig } from '@civic/dev-platform';
import { ROUTER_FILE } from '../../src/deploy/deployment-environments.ts';
import { ensureRouterConfigSchema } from '../../src/deploy/validation-tools.ts';

let validate: ReturnType<Ajv['compile']>;
beforeAll(async () => {
  const schema = JSON.parse(await readFile(await ensureRouterConfigSchema(), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  validate = ajv.compile(schema);
}, 300_000);

describe('the Apollo Router configuration', () => {
  it("follows the router release's configuration schema", async () => {
    const valid = validate(parse(await readFile(ROUTER_FILE, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('an option the router does not have fails the validation', async () => {
    const text = (await readFile(ROUTER_FILE, 'utf8')).replace('  router:\n    max_depth: 15', '  max_depth: 15\n  router:');
    expect(validate(parse(text))).toBe(false);
    expect(validate.errors!.some((error) => error.instancePath === '/limits' && error.params.additionalProperty === 'max_depth')).toBe(true);
  });

  it('calls the coprocessor at the stages it serves, sending what it reads', async () => {
    const router = parse(await readFile(ROUTER_FILE, 'utf8')) as { coprocessor: Record<string, unknown>; headers?: unknown };
    expect(router.coprocessor).toEqual({
      url: 'http://router-coprocessor.civic-graph.svc.cluster.local:4010/',
      timeout: '2s',
      router: { request: { headers: true, context: 'all' } },
      subgraph: { all: { request: { headers: true, context: 'all', service_name: true } } },
    });
    // A header rule runs on subgraph requests too and could remove or overwrite what the coprocessor signed.
    expect(router.headers).toBeUndefined();
  });

  it('routes every subgraph of the supergraph', async () => {
    const router = parse(await readFile(ROUTER_FILE, 'utf8')) as { override_subgraph_url: Record<string, string> };
    const subgraphs = await readSupergraphConfig();
    expect(Object.keys(router.override_subgraph_url).sort()).toEqual(subgraphs.map((subgraph) => subgraph.name).sort());
  });
});
