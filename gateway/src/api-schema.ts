import { printSchema, Supergraph } from '@apollo/federation-internals';

/**
 * The schema clients see of a supergraph, as SDL: no join__/link__ machinery, no @inaccessible
 * elements. Text, so the reader builds it with its own graphql module.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema());
}
