import type { SecantusInstall } from './secantus-install.ts';
import { startServerProcess, type ServerProcess } from '../server-process.ts';

/** One running SecantusDB server process. */
export type SecantusProcess = ServerProcess;

export interface SecantusProcessOptions {
  install: SecantusInstall;
  storagePath: string;
  /** 0 lets the server choose a free port (it reports which). */
  port: number;
  auth: boolean;
  log: (line: string) => void;
}

// The Python server says `secantus listening on …`, the Rust one `secantusd-rs listening on …`.
const LISTENING = /secantus(?:d-rs)? listening on [^\s]+:(\d+)/;

/**
 * Starts an installed SecantusDB server on loopback and resolves once it accepts connections. Its
 * own log goes to `log` from then on, warnings and errors only: at INFO it reports its start and
 * slow queries.
 */
export function startSecantusProcess(options: SecantusProcessOptions): Promise<SecantusProcess> {
  const args = [...options.install.leadingArgs, '--host', '127.0.0.1', '--port', String(options.port), '--storage-path', options.storagePath, '--log-level', 'INFO'];
  if (options.auth) args.push('--auth');
  return startServerProcess({
    title: 'embedded SecantusDB',
    logName: 'secantus',
    command: options.install.command,
    args,
    portIn: (line) => {
      const listening = LISTENING.exec(line);
      return listening ? Number(listening[1]) : undefined;
    },
    // It says it listens once it accepts connections.
    isReady: () => true,
    isRoutine: (line) => line.includes(' INFO '),
    log: options.log,
  });
}
