import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The embedded server's release. Pinned: it is a beta, and a new one is adopted by measuring it (README). */
export const SECANTUS_VERSION = '0.7.0b3';

/** What runs the embedded server: the environment's Python, and a configuration file of its own. */
export interface SecantusInstall {
  python: string;
  /** Empty: every setting is passed as a flag. Naming a file stops the server reading ./secantusd.toml or ~/.secantus. */
  configPath: string;
}

/**
 * Returns a project-local virtual environment holding SecantusDB,
 * installing it from PyPI with the machine's Python 3 on first use (about 15 s). The folder's
 * name carries the version, so changing the pin installs afresh beside the old one.
 */
export async function ensureSecantusInstalled(baseDir: string, log: (line: string) => void): Promise<SecantusInstall> {
  const venv = join(baseDir, `venv-${SECANTUS_VERSION}`);
  const install = { python: join(venv, 'bin', 'python'), configPath: join(venv, 'secantusd.toml') };
  if (existsSync(install.configPath)) return install;

  log(`installing SecantusDB ${SECANTUS_VERSION} from PyPI into ${venv} (first run only)`);
  await mkdir(baseDir, { recursive: true, mode: 0o700 });
  // Built under a unique name and renamed into place, so a concurrent install or a crash never
  // leaves a half-made environment at `venv`. The server runs as `python -m secantus`, which does
  // not depend on the environment's path the way pip's generated scripts would.
  const temporary = join(baseDir, `.venv-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await run(pythonCommand(), ['-m', 'venv', temporary]);
    await run(join(temporary, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input', `SecantusDB==${SECANTUS_VERSION}`]);
    // Written last: its presence says the environment is complete.
    await writeFile(join(temporary, 'secantusd.toml'), '');
    await rename(temporary, venv).catch((error: unknown) => {
      if (!existsSync(install.configPath)) throw error;
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  return install;
}

function pythonCommand(): string {
  return process.env.CIVIC_PYTHON || 'python3';
}

function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`${command} not found: the embedded database needs Python 3.11 (set CIVIC_PYTHON) or MONGODB_URI`) : error);
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`installing SecantusDB failed (${command} ${args.join(' ')} exited with ${signal ?? `code ${code}`}):\n${output.trim()}`));
    });
  });
}
