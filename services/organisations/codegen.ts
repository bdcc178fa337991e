import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types come from the SDL, so a resolver that drifts from its schema fails to compile.
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.ts#Context',
        mapperTypeSuffix: 'Model',
        mappers: {
          Organisation: '../models/organisation.ts#OrganisationDocument',
        },
        scalars: { DateTime: 'Date' },
        enumsAsTypes: true,
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
