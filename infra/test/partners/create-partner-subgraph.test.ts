import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph, configuredSubgraph, readSupergraphConfig } from '@civic/dev-platform';
import { createPartnerSubgraph } from '../../src/partners/create-partner-subgraph.ts';
import { PartnerNameError } from '../../src/partners/partner-name.ts';
import { generatedPartner, runIn, type GeneratedPartner } from './support/generated-partner.ts';

let partner: GeneratedPartner;

beforeAll(async () => {
  partner = await generatedPartner('parking-co');
});

afterAll(async () => {
  await partner.remove();
});

describe('npm run subgraph:new', () => {
  it('creates a package of its own, with no placeholder left', async () => {
    const files = (await readdir(partner.dir, { recursive: true })).filter((file) => !file.startsWith('node_modules')).sort();
    expect(files).toEqual([
      'README.md',
      'package.json',
      'src',
      'src/errors.ts',
      'src/main.ts',
      'src/resolvers.ts',
      'src/schema.graphql',
      'src/server.ts',
      'src/service-points.ts',
      'test',
      'test/identity.test.ts',
      'test/service-points.test.ts',
      'test/support',
      'test/support/gateway.ts',
      'tsconfig.json',
    ]);
    const texts = await Promise.all(files.filter((file) => file.includes('.')).map((file) => readFile(join(partner.dir, file), 'utf8')));
    expect(texts.filter((text) => text.includes('{{'))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(partner.dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(manifest.dependencies!).sort()).toEqual(['@apollo/server', '@apollo/subgraph', '@civic/subgraph-identity', 'graphql']);
    expect(Object.values({ ...manifest.dependencies, ...manifest.devDependencies }).filter((version) => !/^\d+\.\d+\.\d+$/.test(version))).toEqual([]);
  });

  it('lists in its README the entities the graph lets it extend, with their keys', async () => {
    const readme = await readFile(join(partner.dir, 'README.md'), 'utf8');
    expect(readme).toContain('- `Organisation`: `@key(fields: "id")`\n');
    expect(readme).toContain('- `Resident`: `@key(fields: "id")`\n');
    expect(readme).toContain('     parking-co:\n       routing_url: http://<host>:<port>/graphql\n');
  });

  it('composes with every subgraph of the supergraph config', async () => {
    const subgraphs = (await readSupergraphConfig()).map((subgraph) => configuredSubgraph(subgraph));
    const partnerSdl = await readFile(join(partner.dir, 'src', 'schema.graphql'), 'utf8');
    const supergraph = composeSupergraph([...subgraphs, { name: 'parking-co', url: 'http://127.0.0.1:4100/graphql', typeDefs: partnerSdl }]);
    expect(supergraph).toContain('parkingCoServicePoints: [ParkingCoServicePoint!]! @join__field(graph: PARKING_CO)');
    expect(supergraph).toContain('type ParkingCoServicePoint\n  @join__type(graph: PARKING_CO)');
  });

  it('passes its own tests, which refuse a request without a valid viewer, and its type check', async () => {
    const { stdout } = await runIn(partner.dir, 'vitest/vitest.mjs', ['run', '--reporter=json']);
    const report = JSON.parse(stdout) as { numPassedTests: number; numFailedTests: number; testResults: { name: string }[] };
    expect([report.numPassedTests, report.numFailedTests]).toEqual([8, 0]);
    expect(report.testResults.map((result) => result.name.slice(partner.dir.length)).sort()).toEqual(['/test/identity.test.ts', '/test/service-points.test.ts']);
    await expect(runIn(partner.dir, 'typescript/bin/tsc', ['-p', 'tsconfig.json'])).resolves.toEqual({ stdout: '', stderr: '' });
  }, 180_000);

  it('refuses a taken name or an existing folder, and leaves nothing behind', async () => {
    const into = await mkdtemp(join(tmpdir(), 'civic-partner-'));
    try {
      await expect(createPartnerSubgraph('wishes', { into })).rejects.toThrow(PartnerNameError);
      await mkdir(join(into, 'hospital'));
      await expect(createPartnerSubgraph('hospital', { into })).rejects.toThrow(new PartnerNameError(`${join(into, 'hospital')} already exists; choose another name or remove it`));
      expect(await readdir(into)).toEqual(['hospital']);
      expect(existsSync(join(into, 'hospital', 'package.json'))).toBe(false);
    } finally {
      await rm(into, { recursive: true });
    }
  });
});
