import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface PartnerProcess {
  url: string;
  stop(): Promise<void>;
}

/** How long a partner process may take to say it is ready, on a busy machine. */
const READY_WITHIN_MS = 60_000;

/**
 * A generated partner subgraph run as the partner would run it (`npm start`: `node src/main.ts`),
 * a process of its own on `port`, verifying viewers against the gateway JWKS at `jwksUrl`.
 */
export async function startPartnerProcess(dir: string, port: number, jwksUrl: string): Promise<PartnerProcess> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GATEWAY_JWKS_URL: jwksUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await readyUrl(child, () => stderr);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function readyUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child.kill('SIGKILL'), READY_WITHIN_MS);
  try {
    for await (const line of lines) {
      const parsed = JSON.parse(line) as { msg?: string; url?: string };
      if (parsed.msg === 'subgraph ready' && parsed.url) return parsed.url;
    }
    throw new Error(`The partner subgraph stopped before it was ready:\n${stderr()}`);
  } finally {
    clearTimeout(timer);
  }
}
