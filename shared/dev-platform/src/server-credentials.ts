import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The one user of an embedded server (the database, the broker). */
export interface ServerCredentials {
  username: string;
  password: string;
}

const USERNAME = 'civic';

export function generateCredentials(): ServerCredentials {
  return { username: USERNAME, password: randomBytes(24).toString('base64url') };
}

/**
 * An embedded server's credentials, kept in `fileName` beside the development keys and readable by
 * their owner only; generated on first use.
 */
export async function loadOrCreateCredentials(keysDir: string, fileName: string): Promise<ServerCredentials> {
  const file = join(keysDir, fileName);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return JSON.parse(existing) as ServerCredentials;

  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  // Written then renamed, so two processes starting together never read half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(generateCredentials()), { mode: 0o600 });
  await rename(temporary, file);
  return JSON.parse(await readFile(file, 'utf8')) as ServerCredentials;
}

/** A URI with its password hidden, for logs (`mongodb://civic:***@…`, `nats://civic:***@…`). */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
