import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SecantusInstall } from './secantus-install.ts';

/** One running SecantusDB server process. */
export interface SecantusProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface SecantusProcessOptions {
  install: SecantusInstall;
  storagePath: string;
  /** 0 lets the server choose a free port (it reports which). */
  port: number;
  auth: boolean;
  log: (line: string) => void;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STARTUP_LINES_KEPT = 50;
// The Python server says `secantus listening on …`, the Rust one `secantusd-rs listening on …`.
const LISTENING = /secantus(?:d-rs)? listening on [^\s]+:(\d+)/;

/**
 * Starts an installed SecantusDB server on loopback and resolves once it accepts connections. Its
 * own log goes to `log` from then on, warnings and errors only: at INFO it reports its start and
 * slow queries.
 */
export async function startSecantusProcess(options: SecantusProcessOptions): Promise<SecantusProcess> {
  const args = [...options.install.leadingArgs, '--host', '127.0.0.1', '--port', String(options.port), '--storage-path', options.storagePath, '--log-level', 'INFO'];
  if (options.auth) args.push('--auth');
  const child = spawn(options.install.command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Also settles after a failed spawn, where events.once would reject with the 'error' instead.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // 'exit' handlers must be synchronous: the server is told to stop and WiredTiger closes cleanly.
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);

  const startupLines: string[] = [];
  let port: number | undefined;
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`embedded SecantusDB ${reason}${startupLines.length ? `:\n${startupLines.join('\n')}` : ''}`));
    };
    const onLine = (line: string) => {
      if (port !== undefined) {
        if (!line.includes(' INFO ')) options.log(`secantus: ${line}`);
        return;
      }
      const listening = LISTENING.exec(line);
      if (listening) {
        port = Number(listening[1]);
        clearTimeout(timer);
        resolve(port);
        return;
      }
      startupLines.push(line);
      if (startupLines.length > STARTUP_LINES_KEPT) startupLines.shift();
    };
    createInterface({ input: child.stderr }).on('line', onLine);
    createInterface({ input: child.stdout }).on('line', onLine);
    child.once('error', (error) => fail(`could not be started (${error.message})`));
    // 'close' rather than 'exit': by then its output has been read to the end, so the message is complete.
    closed.then(() => port === undefined && fail(`exited with ${child.signalCode ?? `code ${child.exitCode}`} before it was ready`));
  });

  let stopping = false;
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    await closed;
    process.off('exit', killOnExit);
    throw error;
  }
  void closed.then(() => {
    if (!stopping) options.log(`secantus exited unexpectedly with ${child.signalCode ?? `code ${child.exitCode}`}`);
  });

  let stopped: Promise<void> | undefined;
  return {
    port: port!,
    pid: child.pid!,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        // Ctrl-C in a terminal also reaches the child, which may already be gone.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await closed;
        clearTimeout(timer);
        process.off('exit', killOnExit);
      })();
      return stopped;
    },
  };
}
