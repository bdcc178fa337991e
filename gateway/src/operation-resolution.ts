import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { noOperation, operationNameMissing, unknownOperationName } from './gateway-errors.ts';

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
        if (request.operationName) throw unknownOperationName(request.operationName);
        throw operations > 1 ? operationNameMissing() : noOperation();
      },
    };
  },
};
