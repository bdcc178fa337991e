import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installAtomically, runInstallStep, type InstallStep } from '../installation.ts';

/**
 * The embedded server's releases, pinned: both are betas, and a new one is adopted by measuring
 * it (README, "Which SecantusDB"). The Python server is the default; the Rust one is chosen with
 * CIVIC_DATABASE_SERVER=rust.
 */
export const SECANTUS_PYTHON_VERSION = '0.7.0b3';
export const SECANTUS_RUST_VERSION = '0.5.3-beta.196';

export type SecantusServerKind = 'python' | 'rust';

/** How to run one installed SecantusDB server: a command and the arguments that come before the server's flags. */
export interface SecantusInstall {
  kind: SecantusServerKind;
  command: string;
  /** Ends with `--config <empty file>`: every setting is passed as a flag, and naming a file stops the server reading ./secantusd.toml or ~/.secantus. */
  leadingArgs: string[];
}

/** CIVIC_DATABASE_SERVER, checked: anything but `python` or `rust` stops the start naming the variable. */
export function chosenServerKind(): SecantusServerKind {
  const value = process.env.CIVIC_DATABASE_SERVER || 'python';
  if (value === 'python' || value === 'rust') return value;
  throw new Error(`CIVIC_DATABASE_SERVER must be "python" or "rust", not "${value}"`);
}

/**
 * Returns the chosen SecantusDB server under `baseDir`, installing it on first use from the
 * registries: the Python server into a virtual environment with the machine's Python 3 (about
 * 15 s), the Rust server with `cargo install` (about 9 minutes on this project's 2-core machine).
 * Folders carry the version, so changing a pin installs afresh beside the old one.
 */
export async function ensureSecantusInstalled(kind: SecantusServerKind, baseDir: string, log: (line: string) => void): Promise<SecantusInstall> {
  return kind === 'rust' ? ensureRustServer(baseDir, log) : ensurePythonServer(baseDir, log);
}

const PYTHON_STEP: InstallStep = { product: 'SecantusDB', needs: 'Python 3.11 (set CIVIC_PYTHON), or set MONGODB_URI' };

async function ensurePythonServer(baseDir: string, log: (line: string) => void): Promise<SecantusInstall> {
  const venv = join(baseDir, `venv-${SECANTUS_PYTHON_VERSION}`);
  const configPath = join(venv, 'secantusd.toml');
  const install: SecantusInstall = { kind: 'python', command: join(venv, 'bin', 'python'), leadingArgs: ['-m', 'secantus', '--config', configPath] };
  if (existsSync(configPath)) return install;

  log(`installing SecantusDB ${SECANTUS_PYTHON_VERSION} (Python server) from PyPI into ${venv} (first run only)`);
  // The server runs as `python -m secantus`, which does not depend on the environment's path the
  // way pip's generated scripts would, so the environment can be built elsewhere and renamed.
  await installAtomically(baseDir, venv, 'secantusd.toml', async (temporary) => {
    await runInstallStep(pythonCommand(), ['-m', 'venv', temporary], PYTHON_STEP);
    await runInstallStep(join(temporary, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input', `SecantusDB==${SECANTUS_PYTHON_VERSION}`], PYTHON_STEP);
    await writeFile(join(temporary, 'secantusd.toml'), '');
  });
  return install;
}

async function ensureRustServer(baseDir: string, log: (line: string) => void): Promise<SecantusInstall> {
  const root = join(baseDir, `rust-${SECANTUS_RUST_VERSION}`);
  const configPath = join(root, 'secantusd.toml');
  const install: SecantusInstall = { kind: 'rust', command: join(root, 'bin', 'secantusd-rs'), leadingArgs: ['--config', configPath] };
  if (existsSync(configPath)) return install;

  log(`building SecantusDB ${SECANTUS_RUST_VERSION} (Rust server) from crates.io into ${root} (first run only, about 9 minutes)`);
  await installAtomically(baseDir, root, 'secantusd.toml', async (temporary) => {
    // The crate declares a newer Rust than it needs; --locked builds the dependency versions its authors tested.
    await runInstallStep(cargoCommand(), ['install', 'secantus-mdb', '--version', SECANTUS_RUST_VERSION, '--locked', '--ignore-rust-version', '--quiet', '--root', temporary], {
      product: 'SecantusDB',
      needs: 'Rust and cargo (set CIVIC_CARGO), or set MONGODB_URI',
    });
    await writeFile(join(temporary, 'secantusd.toml'), '');
  });
  return install;
}

function pythonCommand(): string {
  return process.env.CIVIC_PYTHON || 'python3';
}

function cargoCommand(): string {
  return process.env.CIVIC_CARGO || 'cargo';
}
