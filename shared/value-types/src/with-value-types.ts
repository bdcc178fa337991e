import { isTypeDefinitionNode, Kind, parse, print, visit, type ASTNode, type DocumentNode, type TypeDefinitionNode } from 'graphql';
import { VALUE_TYPES } from './value-types.ts';

/** The type names a node refers to: field, argument and input field types, interfaces, union members. */
function referencedTypeNames(node: ASTNode): string[] {
  const names: string[] = [];
  visit(node, { NamedType: (named) => void names.push(named.name.value) });
  return names;
}

/** A definition printed as written, whichever quotes its descriptions use. */
function canonical(definition: TypeDefinitionNode): string {
  return print(visit(definition, { StringValue: (value) => ({ ...value, block: false }) }));
}

function definedTypeNames(typeDefs: DocumentNode): Set<string> {
  return new Set(typeDefs.definitions.filter(isTypeDefinitionNode).map((definition) => definition.name.value));
}

/**
 * The value types a subgraph's SDL uses, directly or through another value type (Aggregate brings
 * AggregateGroup), and does not define itself, in the order of their files.
 */
export function valueTypesUsedBy(typeDefs: DocumentNode): TypeDefinitionNode[] {
  const defined = definedTypeNames(typeDefs);
  const used = new Set<string>();
  const toVisit = referencedTypeNames(typeDefs);
  for (let name = toVisit.pop(); name !== undefined; name = toVisit.pop()) {
    const valueType = VALUE_TYPES.get(name);
    if (!valueType || defined.has(name) || used.has(name)) continue;
    used.add(name);
    toVisit.push(...referencedTypeNames(valueType));
  }
  return [...VALUE_TYPES.values()].filter((valueType) => used.has(valueType.name.value));
}

/**
 * The value types an SDL defines itself (a partner's subgraph, which is a package of its own)
 * other than exactly as written here, descriptions included. Composition would let an enum or an
 * input that differs through, changing the graph's API, so such a copy is refused.
 */
export function valueTypesCopiedDifferently(typeDefs: DocumentNode): string[] {
  return typeDefs.definitions
    .filter(isTypeDefinitionNode)
    .filter((definition) => {
      const valueType = VALUE_TYPES.get(definition.name.value);
      return valueType !== undefined && canonical(valueType) !== canonical(definition);
    })
    .map((definition) => definition.name.value);
}

/** A subgraph's schema as it serves and composes it: its own SDL and the value types it uses. */
export function withValueTypes(typeDefs: DocumentNode): DocumentNode {
  const differing = valueTypesCopiedDifferently(typeDefs);
  if (differing.length > 0) {
    throw new Error(`The SDL defines ${differing.join(', ')} other than the graph's value types (shared/value-types): define none, or copy them unchanged`);
  }
  return { ...typeDefs, definitions: [...typeDefs.definitions, ...valueTypesUsedBy(typeDefs)] };
}

/** The same for SDL text: the subgraph's own text, unchanged, followed by the value types it uses. */
export function withValueTypesSdl(sdl: string): string {
  const typeDefs = parse(sdl);
  const added = withValueTypes(typeDefs).definitions.slice(typeDefs.definitions.length);
  return added.length === 0 ? sdl : `${sdl.trimEnd()}\n\n${print({ kind: Kind.DOCUMENT, definitions: added })}\n`;
}
