import { readdir, readFile, readlink } from 'node:fs/promises';

const LISTEN = '0A';
const DEFAULT_PORT = 27017;

/**
 * The process of a database server given by URI, when it listens on this machine's loopback
 * interface and /proc shows it (Linux, a process this user may look into): so that memory is
 * measured for a server the bench did not start too. Null otherwise.
 */
export async function loopbackServerProcessId(uri: string): Promise<number | null> {
  const port = loopbackPort(uri);
  if (port === null) return null;
  const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((table) => readFile(table, 'utf8').catch(() => '')));
  const inodes = new Set(tables.flatMap((table) => listeningSocketInodes(table, port)));
  if (inodes.size === 0) return null;
  const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const socket = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/${pid}/fd/${fd}`).catch(() => ''));
      if (socket && inodes.has(socket[1]!)) return Number(pid);
    }
  }
  return null;
}

/** The port of a single-host mongodb:// URI on 127.x.x.x, localhost or ::1; null for anything else. */
export function loopbackPort(uri: string): number | null {
  const match = /^mongodb:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/?:,]+)(?::(\d+))?(?:[/?]|$)/.exec(uri);
  if (!match) return null;
  const host = match[1]!;
  const loopback = host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback ? Number(match[2] ?? DEFAULT_PORT) : null;
}

/** Inodes of the sockets listening on `port` in the text of /proc/net/tcp or tcp6. */
export function listeningSocketInodes(table: string, port: number): string[] {
  return table
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length > 9 && fields[3] === LISTEN && Number.parseInt(fields[1]!.split(':')[1]!, 16) === port)
    .map((fields) => fields[9]!);
}
