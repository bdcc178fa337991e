import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIntendedChanges, readReleasedSupergraph, release, supergraphAtRef } from '../../src/schema-check/released-supergraph.ts';

describe('the released supergraph', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'schema-release-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('is replaced by a release, which empties the intended changes and keeps their comments', async () => {
    const paths = { released: join(folder, 'released', 'supergraph.graphql'), intended: join(folder, 'schema-changes.yaml') };
    await writeFile(paths.intended, '# What this file is for.\nintended:\n  - path: Resident.phone\n    reason: Phones move to Resident.contact.\n');

    await release('schema { query: Query }\ntype Query { ok: Boolean }\n', paths);

    expect(await readReleasedSupergraph(paths.released)).toBe('schema { query: Query }\ntype Query { ok: Boolean }\n');
    expect(await readFile(paths.intended, 'utf8')).toBe('# What this file is for.\nintended: []\n');
    expect(await readIntendedChanges(paths.intended)).toEqual([]);
  });

  it('is named when missing, with the command that makes one', async () => {
    await expect(readReleasedSupergraph(join(folder, 'none.graphql'))).rejects.toThrow(/^No released supergraph at .*none\.graphql: `npm run check -- --release` makes the composed one the released one$/);
  });

  it('can be the composed supergraph at a git ref', async () => {
    expect(await supergraphAtRef('HEAD')).toContain('@link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)');
    await expect(supergraphAtRef('no-such-ref')).rejects.toThrow(/^git cannot show no-such-ref:infra\/supergraph\.graphql: fatal: invalid object name 'no-such-ref'\.$/);
  });
});
