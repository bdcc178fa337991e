import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isTypeDefinitionNode, parse } from 'graphql';
import { VALUE_TYPES } from '@civic/value-types';
import { readSupergraphConfig } from '../src/compose/supergraph-config.ts';
import { projectRoot } from '../src/paths.ts';

describe('the value types the subgraphs share', () => {
  it('are written by no subgraph of this repository itself, only in shared/value-types', async () => {
    const subgraphs = await readSupergraphConfig();
    const local = subgraphs.filter((subgraph) => !relative(projectRoot, subgraph.schemaPath).startsWith('..'));
    expect(local.map((subgraph) => subgraph.name)).toEqual(['residents', 'organisations', 'resources', 'meetings', 'wishes', 'notifications']);
    for (const subgraph of local) {
      const ownDefinitions = parse(await readFile(subgraph.schemaPath, 'utf8')).definitions.filter(isTypeDefinitionNode);
      expect({ subgraph: subgraph.name, writesItself: ownDefinitions.map((definition) => definition.name.value).filter((name) => VALUE_TYPES.has(name)) }).toEqual({
        subgraph: subgraph.name,
        writesItself: [],
      });
    }
  });

  it('are composed with each subgraph that uses them: its schema file, then the value types it names', async () => {
    const wishes = (await readSupergraphConfig()).find((subgraph) => subgraph.name === 'wishes')!;
    const own = await readFile(wishes.schemaPath, 'utf8');
    expect(wishes.sdl.startsWith(own.trimEnd())).toBe(true);
    const added = parse(wishes.sdl).definitions.slice(parse(own).definitions.length).filter(isTypeDefinitionNode);
    expect(added.map((definition) => definition.name.value)).toEqual(['DateTime', 'JSON', 'PageInfo', 'AggregatePeriod', 'OrganisationKind']);
  });

  it('refuse a subgraph of the config that copies one other than as written', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'value-types-'));
    try {
      await writeFile(join(folder, 'supergraph.yaml'), 'subgraphs:\n  partner:\n    routing_url: http://127.0.0.1:4100/graphql\n    schema:\n      file: ./schema.graphql\n');
      await writeFile(join(folder, 'schema.graphql'), 'enum GridLevel { MICRO }\ntype Query { partnerLevel: GridLevel }\n');
      await expect(readSupergraphConfig(join(folder, 'supergraph.yaml'))).rejects.toThrow(
        `The schema file of subgraph "partner" (${join(folder, 'schema.graphql')}): The SDL defines GridLevel other than the graph's value types (shared/value-types): define none, or copy them unchanged`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
