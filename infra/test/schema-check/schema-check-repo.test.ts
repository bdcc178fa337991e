import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, configuredSubgraph, projectRoot, readSupergraphConfig } from '@civic/dev-platform';
import { readKnownOperations } from '../../src/schema-check/known-operations.ts';
import { readReleasedSupergraph } from '../../src/schema-check/released-supergraph.ts';
import { checkPassed, checkSchemaChanges } from '../../src/schema-check/schema-check.ts';

const run = promisify(execFile);

/** The repository's subgraphs composed, with `Resident.phone` taken out of the residents subgraph. */
async function supergraphWithoutResidentPhone(): Promise<string> {
  const subgraphs = (await readSupergraphConfig()).map((entry) => {
    if (entry.name !== 'residents') return configuredSubgraph(entry);
    const phone = '  "138****5678 when masked."\n  phone: String\n';
    const at = entry.sdl.indexOf(phone, entry.sdl.indexOf('type Resident @key'));
    return configuredSubgraph({ ...entry, sdl: entry.sdl.slice(0, at) + entry.sdl.slice(at + phone.length) });
  });
  return composeSupergraph(subgraphs);
}

describe('the schema check on this repository', () => {
  it('passes as committed: `npm run check` exits 0', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'infra/src/cli/check.ts'], { cwd: projectRoot });
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Schema check passed.');
  }, 180_000);

  it("fails on a deleted Resident.phone, naming the README's first query and the registered operations that select it", async () => {
    const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');
    const firstQueryLine = readme.split('\n').findIndex((line) => line.includes(`-d '{"query":"{ grids(filter: { level: MICRO }`)) + 1;
    const result = await checkSchemaChanges({
      releasedSupergraph: await readReleasedSupergraph(),
      currentSupergraph: await supergraphWithoutResidentPhone(),
      operations: await readKnownOperations(),
      intended: [],
    });

    expect(checkPassed(result)).toBe(false);
    expect(result.breaking.map(({ path, type }) => [path, type])).toEqual([['Resident.phone', 'FIELD_REMOVED']]);
    const breaks = result.breaking[0]!.breaks.map(({ operation, errors }) => [operation.label, errors]);
    const phoneRefused = ['Cannot query field "phone" on type "Resident".'];
    expect(breaks).toEqual([
      [`README.md line ${firstQueryLine} ({ grids(filter: { level: MICRO }, first: 1) { edges { node {…)`, phoneRefused],
      ['gateway/src/explorer/example-operations.ts (MyHousehold)', phoneRefused],
      ['gateway/src/explorer/example-operations.ts (ResidentsNeedingCare)', phoneRefused],
      ['infra/operations/CommunityResidents.graphql (CommunityResidents)', phoneRefused],
    ]);
  });
});
