import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

// Linux counts a process's CPU time in clock ticks; getconf tells how many make a second.
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU time a process has used so far, user and system, in milliseconds (from /proc/<pid>/stat); null where it cannot be read. */
export async function readProcessCpuMs(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null ? null : parseProcessCpuMs(stat);
}

/** utime + stime of the text of /proc/<pid>/stat; the name in parentheses may itself hold spaces. */
export function parseProcessCpuMs(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3 of the file, utime 14 and stime 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / TICKS_PER_SECOND : null;
}
