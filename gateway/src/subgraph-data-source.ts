import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { CryptoKey } from 'jose';
import { FORWARDED_VIEWER_HEADER, REQUEST_ID_HEADER, signForwardedViewer } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';
import { currentRequest } from './requests/request-scope.ts';
import { subgraphRefusal } from './subgraph-refusal.ts';

/**
 * How the gateway calls one subgraph: it forwards the verified viewer signed with the gateway's
 * key (subgraphs refuse anything else), and names the subgraph when it cannot be reached, so a
 * partial answer tells the client which department's data is missing.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly gatewayKey: CryptoKey,
  ) {
    // Node's fetch (undici) closes an idle connection before the subgraph's keep-alive timeout it
    // announces, so a request never lands on a socket the subgraph is closing (the default
    // fetcher's agent keeps idle sockets until the server hangs up, and loses that race).
    super({ url, fetcher: fetch });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!('viewer' in context) || !request.http) return;
    // One signature per request, shared by all of its subgraph fetches.
    context.forwardedViewer ??= signForwardedViewer(this.gatewayKey, context.viewer);
    request.http.headers.set(FORWARDED_VIEWER_HEADER, await context.forwardedViewer);
    request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** A subgraph's non-2xx reply becomes its own typed error, never its URL or raw body. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body: unknown = await response.json().catch(() => null);
    currentRequest()?.logger.warn({ subgraph: this.subgraphName, url: response.url, status: response.status }, 'subgraph answered with an HTTP error');
    return subgraphRefusal(this.subgraphName, response.status, body);
  }

  override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse): void {
    if (response === undefined) {
      currentRequest()?.logger.warn({ subgraph: this.subgraphName, url: this.url, err: error }, 'subgraph unreachable');
      throw new GraphQLError(`The ${this.subgraphName} subgraph is unavailable`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraphName },
      });
    }
    throw error;
  }
}
