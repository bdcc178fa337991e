import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * A document without the operation the client named (or with several and none named) is the
 * client's mistake: 400 OPERATION_RESOLUTION_FAILURE, as Apollo Server answers without a gateway,
 * before the gateway's executor would fail on it with a 500.
 */
export const operationResolution: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, document }) {
        if (operation) return;
        const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : operations > 1
            ? 'Must provide operation name if query contains multiple operations.'
            : 'Must provide an operation.';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};
