import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The schema coordinates an operation uses, in the paths graphql-inspector gives its changes:
 * `Type`, `Type.field`, `Type.field.argument`, `Input.field`, `Enum.VALUE`. A type taken as a
 * variable counts with all its input fields and enum values, since the variables decide which are sent.
 */
export function operationCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const addType = (type: GraphQLNamedType | null | undefined) => {
    if (type) coordinates.add(type.name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        coordinates.add(parent.name);
        coordinates.add(`${parent.name}.${node.name.value}`);
        const type = typeInfo.getType();
        addType(type && getNamedType(type));
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) coordinates.add(`${parent.name}.${field.name}.${node.name.value}`);
        const type = typeInfo.getInputType();
        addType(type && getNamedType(type));
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        const input = parent && getNamedType(parent);
        if (input) coordinates.add(`${input.name}.${node.name.value}`);
        const type = typeInfo.getInputType();
        addType(type && getNamedType(type));
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        const named = type && getNamedType(type);
        if (named) coordinates.add(`${named.name}.${node.value}`);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) addWholeInputType(getNamedType(type), coordinates, new Set());
      },
      InlineFragment(node) {
        if (node.typeCondition) addType(schema.getType(node.typeCondition.name.value));
      },
      FragmentDefinition(node) {
        addType(schema.getType(node.typeCondition.name.value));
      },
    }),
  );
  return coordinates;
}

function addWholeInputType(type: GraphQLNamedType, coordinates: Set<string>, seen: Set<string>): void {
  if (seen.has(type.name)) return;
  seen.add(type.name);
  coordinates.add(type.name);
  if (isEnumType(type)) for (const value of type.getValues()) coordinates.add(`${type.name}.${value.name}`);
  if (!isInputObjectType(type)) return;
  for (const field of Object.values(type.getFields())) {
    coordinates.add(`${type.name}.${field.name}`);
    addWholeInputType(getNamedType(field.type), coordinates, seen);
  }
}

/** Whether a change at `path` touches what the operation uses (the element itself or one inside it). */
export function touches(coordinates: ReadonlySet<string>, path: string): boolean {
  if (coordinates.has(path)) return true;
  for (const coordinate of coordinates) if (coordinate.startsWith(`${path}.`)) return true;
  return false;
}
