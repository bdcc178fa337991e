import { GraphQLError } from 'graphql';

/** A subgraph that gave no answer at all, named so a partial answer tells which department's data is missing. */
export function subgraphUnavailable(subgraphName: string): GraphQLError {
  return new GraphQLError(`The ${subgraphName} subgraph is unavailable`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraphName },
  });
}
