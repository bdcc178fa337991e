import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The graphql-codegen setup every subgraph shares: resolver types generated from its SDL with
 * federation support, mapped to the service's own lean document types, so a resolver that drifts
 * from its schema fails to compile. `mappers` maps GraphQL type names to `../path.ts#TypeName`
 * (relative to `src/generated/`).
 */
export function subgraphCodegenConfig(mappers: Record<string, string>): CodegenConfig {
  return {
    schema: 'src/schema.graphql',
    generates: {
      'src/generated/resolvers-types.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          contextType: '../context.ts#Context',
          mapperTypeSuffix: 'Model',
          mappers,
          scalars: { DateTime: 'Date' },
          enumsAsTypes: true,
          useTypeImports: true,
          emitLegacyCommonJSImports: false,
        },
      },
    },
  };
}
