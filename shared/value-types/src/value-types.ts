import { readFileSync } from 'node:fs';
import { isTypeDefinitionNode, parse, Source, type TypeDefinitionNode } from 'graphql';

/**
 * The value types several subgraphs declare (scalars, enums, value objects, inputs), written once:
 * Federation requires them identical in every subgraph that declares them, so no subgraph writes
 * its own copy; one file per concept group, in this folder.
 */
const VALUE_TYPE_FILES = ['scalars.graphql', 'paging.graphql', 'aggregates.graphql', 'places.graphql', 'organisation-tree.graphql'] as const;

function readValueTypes(): ReadonlyMap<string, TypeDefinitionNode> {
  const byName = new Map<string, TypeDefinitionNode>();
  for (const file of VALUE_TYPE_FILES) {
    const url = new URL(`./${file}`, import.meta.url);
    for (const definition of parse(new Source(readFileSync(url, 'utf8'), url.pathname)).definitions) {
      if (!isTypeDefinitionNode(definition)) throw new Error(`${file}: holds only type definitions, found a ${definition.kind}`);
      const name = definition.name.value;
      if (byName.has(name)) throw new Error(`${file}: ${name} is already written in another value type file`);
      byName.set(name, definition);
    }
  }
  return byName;
}

/** Every value type by name, in the order of its files. */
export const VALUE_TYPES: ReadonlyMap<string, TypeDefinitionNode> = readValueTypes();
