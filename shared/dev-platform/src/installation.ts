import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Builds an installation under a unique name and renames it into place, so a concurrent install
 * or a crash never leaves a half-made one at `target`. `build` writes `marker` (a path inside the
 * installation) last: its presence says the installation is complete.
 */
export async function installAtomically(baseDir: string, target: string, marker: string, build: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(baseDir, { recursive: true, mode: 0o700 });
  const temporary = join(baseDir, `.install-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await build(temporary);
    await rename(temporary, target).catch((error: unknown) => {
      if (!existsSync(join(target, marker))) throw error;
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

export interface InstallStep {
  /** What is being installed, for the error (`SecantusDB`). */
  product: string;
  /** What the machine must have for it, and how to do without (`Python 3.11 (set CIVIC_PYTHON), or set MONGODB_URI`). */
  needs: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs one installer command, failing with its output, or naming what is missing when the command is not there. */
export function runInstallStep(command: string, args: string[], step: InstallStep): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: step.env ?? process.env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`${command} not found: installing ${step.product} needs ${step.needs}`) : error);
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`installing ${step.product} failed (${command} ${args.join(' ')} exited with ${signal ?? `code ${code}`}):\n${output.trim()}`));
    });
  });
}
