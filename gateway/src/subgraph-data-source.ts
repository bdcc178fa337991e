import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import type { CryptoKey } from 'jose';
import type { GatewayContext } from './gateway-context.ts';
import { forwardedHeaders } from './forwarded-headers.ts';
import { subgraphUnavailable } from './subgraph-unavailable.ts';

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
    // fetcher's agent keeps idle sockets until the server hangs up, and loses that race). Node's
    // fetch takes the Buffer bodies Apollo sends; the DOM types Hive Gateway's packages load do not say so.
    super({ url, fetcher: fetch as Fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!('viewer' in context) || !request.http) return;
    // Requests the gateway makes of its own (no caller) have a context without a viewer.
    for (const [name, value] of Object.entries(await forwardedHeaders(context as GatewayContext, this.gatewayKey))) request.http.headers.set(name, value);
  }

  override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse): void {
    if (response === undefined) {
      throw subgraphUnavailable(this.subgraphName);
    }
    throw error;
  }
}
