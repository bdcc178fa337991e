import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import type { GraphQLError } from 'graphql';
import type { ForwardedViewerSigningKey } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';
import { forwardedHeaders } from './forwarded-headers.ts';
import { subgraphUnavailable } from './gateway-errors.ts';
import { currentRequest } from './requests/request-scope.ts';
import { subgraphRefusal } from './subgraph-refusal.ts';

/**
 * How the gateway calls one subgraph: it forwards the verified viewer signed with the gateway's
 * key for this subgraph alone (subgraphs refuse anything else), and names the subgraph when it cannot be reached, so a
 * partial answer tells the client which department's data is missing.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly signingKey: ForwardedViewerSigningKey,
  ) {
    // Node's fetch (undici) closes an idle connection before the subgraph's keep-alive timeout it
    // announces, so a request never lands on a socket the subgraph is closing (the default
    // fetcher's agent keeps idle sockets until the server hangs up, and loses that race). Node's
    // fetch takes the Buffer bodies Apollo sends; the DOM types Hive Gateway's packages load do not say so.
    super({ url, fetcher: fetch as Fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Requests the gateway makes of its own (no caller) have a context without a viewer.
    if (!('viewer' in context) || !request.http) return;
    for (const [name, value] of Object.entries(await forwardedHeaders(context as GatewayContext, this.signingKey, this.subgraphName))) request.http.headers.set(name, value);
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
      throw subgraphUnavailable(this.subgraphName);
    }
    throw error;
  }
}
