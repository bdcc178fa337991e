import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/**
 * The OpenTelemetry SDK for one process: spans of incoming HTTP requests, express, GraphQL
 * parsing, validation and execution, MongoDB commands, and outgoing fetches (the gateway's
 * subgraph calls and the services' calls to the graph, which carry the W3C `traceparent`), plus
 * the spans Apollo's gateway makes through `@opentelemetry/api` (plan, fetch, post-processing).
 * Exported over OTLP as the standard OTEL_* variables say (http/protobuf by default, http/json
 * or grpc by OTEL_EXPORTER_OTLP_TRACES_PROTOCOL; sampling by OTEL_TRACES_SAMPLER). Only traces:
 * metrics are Prometheus's (/metrics), logs are JSON lines.
 */
export async function startTracingSdk(serviceName: string): Promise<NodeSDK> {
  // ES modules are hooked by a loader that only wraps the modules the instrumentations name.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const sdk = new NodeSDK({
    serviceName,
    instrumentations: [
      new HttpInstrumentation(),
      new ExpressInstrumentation(),
      // A span per resolved field would be one per field of every list item: parse, validate and
      // execute are traced, fields not. Argument values stay out of spans (allowValues is off).
      new GraphQLInstrumentation({ ignoreResolveSpans: true }),
      // Statements are recorded with their values replaced (enhancedDatabaseReporting is off).
      new MongoDBInstrumentation(),
      new UndiciInstrumentation(),
    ],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  return sdk;
}
