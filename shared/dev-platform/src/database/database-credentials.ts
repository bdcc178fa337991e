import type { ServerCredentials } from '../server-credentials.ts';

/** The file beside the development keys that keeps the embedded database's user (SCRAM-SHA-256, in its `admin` database). */
export const DATABASE_CREDENTIALS_FILE = 'database.credentials.json';

/** A connection string for these credentials; the database name is left to each client's `dbName`. */
export function connectionString(host: string, port: number, credentials: ServerCredentials): string {
  return `mongodb://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@${host}:${port}/?authSource=admin`;
}
