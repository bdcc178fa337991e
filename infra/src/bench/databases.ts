import mongoose from 'mongoose';
import type { DatabaseHandle } from '../database/start-database.ts';

// Long enough to outlast a queue of district-scale collection scans on the embedded FerretDB.
const EMBEDDED_HEARTBEAT_WAIT_MS = 600_000;

/**
 * The URI the services connect with. The embedded FerretDB's relay lets one command through at a
 * time, the driver's heartbeats included (infra/ferretdb/relay.go). Behind district-scale scans a
 * heartbeat waits longer than the driver's 30 s connectTimeoutMS, the driver then marks the server
 * down and every query in flight fails. Waiting longer keeps the figures about the queries; the
 * slowness itself still shows in every latency. Other servers get the URI as it is.
 */
export function serviceUri(database: DatabaseHandle): string {
  if (!database.kind.startsWith('ferretdb')) return database.uri;
  const separator = database.uri.includes('?') ? '&' : `${database.uri.endsWith('/') ? '' : '/'}?`;
  return `${database.uri}${separator}connectTimeoutMS=${EMBEDDED_HEARTBEAT_WAIT_MS}`;
}

/** Drops the bench's own databases, so a run on a shared server leaves nothing behind. */
export async function dropDatabases(uri: string, names: readonly string[]): Promise<void> {
  // A server still working through the scans of a failed run can take a while to answer.
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 60_000 }).asPromise();
  try {
    for (const name of names) await connection.useDb(name, { useCache: false }).dropDatabase();
  } finally {
    await connection.close();
  }
}
