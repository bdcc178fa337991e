import { Kind, parse, type ConstDirectiveNode, type DefinitionNode } from 'graphql';

/**
 * Which subgraphs can resolve each field of the supergraph, read from its `@join__type` and
 * `@join__field` directives: a field's own non-external `@join__field` graphs, or else every graph
 * that defines its type.
 */
export class SubgraphOwnership {
  private readonly typeGraphs = new Map<string, Set<string>>();
  private readonly fieldGraphs = new Map<string, Set<string>>();

  constructor(supergraphSdl: string) {
    for (const definition of parse(supergraphSdl).definitions) this.read(definition);
  }

  /** The subgraphs that can resolve `typeName.fieldName` (empty for a type the supergraph lacks). */
  resolvers(typeName: string, fieldName: string): ReadonlySet<string> {
    return this.fieldGraphs.get(`${typeName}.${fieldName}`) ?? this.typeGraphs.get(typeName) ?? new Set();
  }

  private read(definition: DefinitionNode): void {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) return;
    const typeName = definition.name.value;
    this.typeGraphs.set(typeName, graphsOf(definition.directives, 'join__type'));
    for (const field of definition.fields ?? []) {
      const graphs = graphsOf(field.directives, 'join__field');
      if (graphs.size > 0) this.fieldGraphs.set(`${typeName}.${field.name.value}`, graphs);
    }
  }
}

function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, name: string): Set<string> {
  const graphs = new Set<string>();
  for (const directive of directives ?? []) {
    if (directive.name.value !== name) continue;
    const argument = (argName: string) => directive.arguments?.find((arg) => arg.name.value === argName)?.value;
    const graph = argument('graph');
    // An external field is only referenced there; an overridden one is no longer resolved there.
    const flagged = (argName: string) => {
      const value = argument(argName);
      return value?.kind === Kind.BOOLEAN && value.value;
    };
    if (graph?.kind === Kind.ENUM && !flagged('external') && !flagged('usedOverridden')) graphs.add(graph.value);
  }
  return graphs;
}
