import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../paths.ts';

/** The Go module holding the launcher (infra/ferretdb). */
const SOURCE_DIR = fileURLToPath(new URL('../../ferretdb/', import.meta.url));
const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go', 'relay.go'];
const EXECUTABLE_SUFFIX = process.platform === 'win32' ? '.exe' : '';
const CACHED_BINARY = /^civic-ferretdb-[0-9a-f]{12}(\.exe)?$/;

/**
 * Returns the path of the FerretDB launcher built from infra/ferretdb, building it on first use.
 * The file name carries a hash of the sources, so editing them rebuilds and otherwise the cached
 * binary is reused.
 */
export async function ensureFerretdbBinary(log: (line: string) => void): Promise<string> {
  const binDir = join(dataDir, 'bin');
  const name = `civic-ferretdb-${await sourceHash()}${EXECUTABLE_SUFFIX}`;
  const binary = join(binDir, name);
  if (existsSync(binary)) return binary;

  log('building embedded FerretDB (first run only, ~1-2 min)...');
  await mkdir(binDir, { recursive: true });
  // Build under a unique name and rename into place: rename is atomic, so a concurrent build
  // (parallel test workers) or a crash can never leave a half-written binary at `binary`.
  const temporary = join(binDir, `${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await goBuild(temporary);
    // Windows refuses to replace a binary that another process is running; theirs is identical.
    await rename(temporary, binary).catch((error: unknown) => {
      if (!existsSync(binary)) throw error;
    });
  } finally {
    await rm(temporary, { force: true });
  }
  await removeStaleBinaries(binDir, name);
  return binary;
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) {
    // Names and separators keep content moving between files from producing the same hash.
    hash.update(`${file}\0`).update(await readFile(join(SOURCE_DIR, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

function goBuild(target: string): Promise<void> {
  // -buildvcs=false: no VCS stamp is needed, and stamping fails where git is missing or the
  // checkout belongs to another user.
  const go = spawn('go', ['build', '-buildvcs=false', '-o', target, '.'], { cwd: SOURCE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  go.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  go.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    go.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error('Go is required to build the embedded FerretDB; install Go or set MONGODB_URI') : error);
    });
    // After a spawn error 'close' still fires; the promise is already settled by then.
    go.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`building embedded FerretDB failed (go build exited with ${signal ?? `code ${code}`}):\n${output.trim()}`));
    });
  });
}

/** Binaries of earlier sources are dead weight (tens of MB each); a running one stays usable once unlinked. */
async function removeStaleBinaries(binDir: string, current: string): Promise<void> {
  for (const entry of await readdir(binDir)) {
    if (entry !== current && CACHED_BINARY.test(entry)) await rm(join(binDir, entry), { force: true }).catch(() => {});
  }
}
