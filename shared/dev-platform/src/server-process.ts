import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One running server process of the development platform (the database, the broker). */
export interface ServerProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** How to start one kind of server and read its start-up lines. */
export interface ServerProcessSpec {
  /** Names it in errors ("embedded SecantusDB") and log lines ("secantus"). */
  title: string;
  logName: string;
  command: string;
  args: string[];
  /** The port a start-up line reports the server listening on, if it does. */
  portIn(line: string): number | undefined;
  /** Whether this line says the server, listening on `port`, now serves. */
  isReady(line: string, port: number): boolean;
  /** Routine lines, dropped once it serves; its warnings and errors go to `log`. */
  isRoutine(line: string): boolean;
  log: (line: string) => void;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STARTUP_LINES_KEPT = 50;

/**
 * Starts a server process and resolves once it serves; a server that does not start in time,
 * or exits first, fails with its last start-up lines. The process is stopped with this one:
 * SIGTERM (a clean close of its files), then SIGKILL if it lingers.
 */
export async function startServerProcess(spec: ServerProcessSpec): Promise<ServerProcess> {
  const child = spawn(spec.command, spec.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Also settles after a failed spawn, where events.once would reject with the 'error' instead.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // 'exit' handlers must be synchronous: the server is told to stop and closes its files cleanly.
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);

  const startupLines: string[] = [];
  let port: number | undefined;
  let serving = false;
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`${spec.title} ${reason}${startupLines.length ? `:\n${startupLines.join('\n')}` : ''}`));
    };
    const onLine = (line: string) => {
      if (serving) {
        if (!spec.isRoutine(line)) spec.log(`${spec.logName}: ${line}`);
        return;
      }
      port ??= spec.portIn(line);
      if (port !== undefined && spec.isReady(line, port)) {
        serving = true;
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
    closed.then(() => !serving && fail(`exited with ${child.signalCode ?? `code ${child.exitCode}`} before it was ready`));
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
    if (!stopping) spec.log(`${spec.logName} exited unexpectedly with ${child.signalCode ?? `code ${child.exitCode}`}`);
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
