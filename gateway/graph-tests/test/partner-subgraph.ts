import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse } from 'graphql';

export interface PartnerSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A partner unit's subgraph as the graph meets it: any Federation 2 server with a liveness check,
 * run by the test itself (so it can stop it, or serve a new version on the same port).
 */
export async function startPartnerSubgraph(typeDefs: string, resolvers: Record<string, Record<string, () => unknown>>, port = 0): Promise<PartnerSubgraph> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${actualPort}/graphql`, port: actualPort, stop: () => apollo.stop() };
}
