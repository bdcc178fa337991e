import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { FORWARDED_VIEWER_HEADER, REQUEST_ID_HEADER, signForwardedViewer, type ForwardedViewerSigningKey } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';
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
    // fetcher's agent keeps idle sockets until the server hangs up, and loses that race).
    super({ url, fetcher: fetch });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!('viewer' in context) || !request.http) return;
    // One signature per request and subgraph, shared by all of the request's fetches from it.
    const signed = (context.forwardedViewers ??= new Map());
    let header = signed.get(this.subgraphName);
    if (!header) {
      header = signForwardedViewer(this.signingKey, context.viewer, { audience: this.subgraphName, requestId: context.requestId });
      signed.set(this.subgraphName, header);
    }
    request.http.headers.set(FORWARDED_VIEWER_HEADER, await header);
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
      throw subgraphUnavailable(this.subgraphName);
    }
    throw error;
  }
}
