import { Kind, parse, print, type ConstDirectiveNode } from 'graphql';

/** An entity of the supergraph and the keys any subgraph may use to extend it. */
export interface EntityKeys {
  type: string;
  keys: string[];
}

/** The entities a supergraph SDL composes (`@join__type(key: ...)`), by type name, each key once. */
export function entityKeys(supergraphSdl: string): EntityKeys[] {
  const entities: EntityKeys[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const keys = new Set((definition.directives ?? []).flatMap(keyOf));
    if (keys.size > 0) entities.push({ type: definition.name.value, keys: [...keys].sort() });
  }
  return entities.sort((a, b) => a.type.localeCompare(b.type));
}

function keyOf(directive: ConstDirectiveNode): string[] {
  if (directive.name.value !== 'join__type') return [];
  const key = directive.arguments?.find((argument) => argument.name.value === 'key');
  const resolvable = directive.arguments?.find((argument) => argument.name.value === 'resolvable');
  if (key === undefined || key.value.kind !== Kind.STRING) return [];
  // A key a subgraph declared unresolvable only refers to the entity; it names no way in.
  if (resolvable !== undefined && print(resolvable.value) === 'false') return [];
  return [key.value.value];
}
