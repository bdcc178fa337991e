import { spawn, type ChildProcess, type Serializable } from 'node:child_process';
import { once } from 'node:events';

/** One service of the system run as its own Node.js process (TypeScript through tsx). */
export interface ServiceProcess {
  name: string;
  url: string;
  /** The operating system's process id, for measuring the process. */
  pid: number;
  /** Started with `ipc`: sends a message and resolves with the process's next message. One question at a time. */
  ask(message: Serializable): Promise<unknown>;
  stop(): Promise<void>;
  /** Ends the process at once with SIGKILL, as a crash would: none of its shutdown runs. Resolves once it has exited. */
  kill(): Promise<void>;
}

export interface ServiceProcessOptions {
  name: string;
  entry: string;
  /** Base URL (scheme, host, port) answering /health/ready when the service is up. */
  baseUrl: string;
  url: string;
  env: Record<string, string>;
  log: (line: string) => void;
  /** An IPC channel to the process, for a parent that asks it questions (the benchmark). */
  ipc?: boolean;
}

const READY_TIMEOUT_MS = 60_000;

export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry], {
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'],
  });
  const exited = once(child, 'exit');
  await waitUntilReady(options, child);
  return {
    name: options.name,
    url: options.url,
    pid: child.pid!,
    async ask(message) {
      if (!child.send) throw new Error(`${options.name} was started without an IPC channel`);
      const answer = once(child, 'message');
      child.send(message);
      const died = exited.then(() => Promise.reject(new Error(`${options.name} exited before it answered`)));
      const [reply] = (await Promise.race([answer, died])) as [unknown];
      return reply;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitUntilReady(options: ServiceProcessOptions, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with code ${child.exitCode} before it was ready`);
    const ready = await fetch(`${options.baseUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${options.name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}
