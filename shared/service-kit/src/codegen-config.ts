import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { withValueTypesSdl } from '@civic/value-types';

/**
 * The typed documents of a package that asks the graph: every `graphql(`...`)` operation in its
 * `src/` is checked against the composed supergraph and becomes a TypedDocumentNode whose
 * variables and result are generated types (`src/generated/graph/`), so a query that drifts from
 * the graph fails to compile.
 */
const SOURCE_DOCUMENTS = ['src/**/*.ts', '!src/generated/**'];
const graphDocuments: NonNullable<CodegenConfig['generates']>[string] = {
  schema: SUPERGRAPH_OUTPUT_PATH,
  documents: SOURCE_DOCUMENTS,
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    enumsAsTypes: true,
    skipTypename: true,
    avoidOptionals: { field: true },
    scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' },
    useTypeImports: true,
  },
};

// Generated files import each other with the `.ts` extension, as the rest of the code does.
const importsWithExtension = { importExtension: '.ts', emitLegacyCommonJSImports: false } as const;

/** For a package whose only generated code is its typed documents (the test harness's builders). */
export function graphDocumentsCodegenConfig(): CodegenConfig {
  return { ...importsWithExtension, generates: { 'src/generated/graph/': graphDocuments } };
}

/**
 * The graphql-codegen setup every subgraph shares: resolver types generated from its SDL with
 * federation support, mapped to the service's own lean document types, so a resolver that drifts
 * from its schema fails to compile; and the typed documents of its queries to the graph.
 * `mappers` maps GraphQL type names to `../path.ts#TypeName` (relative to `src/generated/`);
 * `testDocuments` globs test files whose operations through the gateway are typed alike.
 */
export function subgraphCodegenConfig(mappers: Record<string, string>, testDocuments: readonly string[] = []): CodegenConfig {
  return {
    ...importsWithExtension,
    generates: {
      'src/generated/resolvers-types.ts': {
        // The SDL itself rather than its path: the subgraph's schema file with the value types it uses.
        schema: withValueTypesSdl(readFileSync('src/schema.graphql', 'utf8')),
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          contextType: '../context.ts#Context',
          mapperTypeSuffix: 'Model',
          mappers,
          scalars: { DateTime: 'Date', JSON: 'Record<string, unknown>' },
          enumsAsTypes: true,
          useTypeImports: true,
          emitLegacyCommonJSImports: false,
        },
      },
      'src/generated/graph/': { ...graphDocuments, documents: [...SOURCE_DOCUMENTS, ...testDocuments] },
    },
  };
}
