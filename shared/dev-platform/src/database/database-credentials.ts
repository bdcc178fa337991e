import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The embedded server's one user (SCRAM-SHA-256, in its `admin` database). */
export interface DatabaseCredentials {
  username: string;
  password: string;
}

const USERNAME = 'civic';

export function generateCredentials(): DatabaseCredentials {
  return { username: USERNAME, password: randomBytes(24).toString('base64url') };
}

/**
 * The embedded server's credentials, kept beside the development keys and readable by their owner
 * only; generated on first use.
 */
export async function loadOrCreateCredentials(keysDir: string): Promise<DatabaseCredentials> {
  const file = join(keysDir, 'database.credentials.json');
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return JSON.parse(existing) as DatabaseCredentials;

  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  // Written then renamed, so two processes starting together never read half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(generateCredentials()), { mode: 0o600 });
  await rename(temporary, file);
  return JSON.parse(await readFile(file, 'utf8')) as DatabaseCredentials;
}

/** A connection string for these credentials; the database name is left to each client's `dbName`. */
export function connectionString(host: string, port: number, credentials: DatabaseCredentials): string {
  return `mongodb://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@${host}:${port}/?authSource=admin`;
}

/** The URI with its password hidden, for logs. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
