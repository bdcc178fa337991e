import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installAtomically, runInstallStep } from '../installation.ts';

/** The embedded broker's release, pinned; built from source by the Go toolchain. */
export const NATS_SERVER_VERSION = '2.15.2';

const BINARY = join('bin', 'nats-server');

/**
 * Returns the path of nats-server under `baseDir`, installing it on first use with
 * `go install` (about 35 s on this project's 2-core machine; CIVIC_GO names another `go`). The
 * folder carries the version, so changing the pin installs afresh beside the old one.
 */
export async function ensureNatsServerInstalled(baseDir: string, log: (line: string) => void): Promise<string> {
  const root = join(baseDir, `nats-server-${NATS_SERVER_VERSION}`);
  const binary = join(root, BINARY);
  if (existsSync(binary)) return binary;

  log(`building nats-server ${NATS_SERVER_VERSION} with go install into ${root} (first run only, about 35 s)`);
  await installAtomically(baseDir, root, BINARY, async (temporary) => {
    // The binary is the one file written, and written last: its presence marks a complete install.
    await runInstallStep(goCommand(), ['install', `github.com/nats-io/nats-server/v2@v${NATS_SERVER_VERSION}`], {
      product: 'nats-server',
      needs: 'the Go toolchain, 1.21 or later, which fetches the release nats-server asks for (set CIVIC_GO), or set NATS_URL',
      // A static binary: no C compiler needed.
      env: { ...process.env, GOBIN: join(temporary, 'bin'), CGO_ENABLED: '0' },
    });
  });
  return binary;
}

function goCommand(): string {
  return process.env.CIVIC_GO || 'go';
}
