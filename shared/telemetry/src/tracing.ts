/**
 * OpenTelemetry tracing of one process, off unless an OTLP endpoint is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`; `OTEL_SDK_DISABLED=true`
 * turns it off again). Off, the SDK is never even loaded: the libraries' calls into
 * `@opentelemetry/api` stay no-ops.
 *
 * Instrumentation hooks modules as they load, so a process entry starts tracing first and only
 * then imports what it runs (gateway/src/main.ts, the services' main.ts through the kit's
 * `runSubgraphProcess`).
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let running: { shutdown(): Promise<void> } | null = null;

/** Starts tracing this process as `service.name` = `serviceName`, when configured. */
export async function startTracing(serviceName: string): Promise<void> {
  if (running || !tracingConfigured()) return;
  const { startTracingSdk } = await import('./tracing-sdk.ts');
  running = await startTracingSdk(serviceName);
}

/** Sends the spans still buffered and stops tracing; call it before the process exits. */
export async function stopTracing(): Promise<void> {
  const stopping = running;
  running = null;
  await stopping?.shutdown();
}
