import { Histogram, type Registry } from 'prom-client';

/** What the MongoDB driver's command monitoring reports when a command ends. */
export interface FinishedCommandEvent {
  commandName: string;
  /** Milliseconds. */
  duration: number;
}

/** A MongoDB client with command monitoring on (`monitorCommands: true`). */
export interface MonitoredClient {
  on(event: 'commandSucceeded' | 'commandFailed', listener: (event: FinishedCommandEvent) => void): unknown;
}

// Seconds; up to the longest time limit a request's command may run (5 s for writes).
const COMMAND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * `civic_database_command_duration_seconds`: how long each database command took, as the driver
 * timed it, by command name (find, aggregate, insert, update, commitTransaction...; a name the
 * server protocol defines, so the label stays bounded) and outcome (`ok`, or `error` when the server refused it).
 */
export function observeDatabaseCommands(client: MonitoredClient, registry: Registry): void {
  const duration = new Histogram({
    name: 'civic_database_command_duration_seconds',
    help: 'Time the database took to answer a command, as the driver measured it, by command name and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: COMMAND_BUCKETS,
    registers: [registry],
  });
  client.on('commandSucceeded', (event) => duration.observe({ command: event.commandName, outcome: 'ok' }, event.duration / 1000));
  client.on('commandFailed', (event) => duration.observe({ command: event.commandName, outcome: 'error' }, event.duration / 1000));
}
