import { readFile } from 'node:fs/promises';

/** A process's memory as Linux reports it in /proc/<pid>/status. */
export interface ProcessMemory {
  /** Resident set size now (VmRSS). */
  rssBytes: number;
  /** The highest resident set size since the process started (VmHWM). */
  peakRssBytes: number;
}

/** Null where /proc is not there (not Linux) or the process is gone. */
export async function readProcessMemory(pid: number): Promise<ProcessMemory | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  return status === null ? null : parseProcessStatus(status);
}

/** VmRSS and VmHWM from the text of /proc/<pid>/status (in kB there); null when either is missing. */
export function parseProcessStatus(status: string): ProcessMemory | null {
  const kilobytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : null;
  };
  const rssBytes = kilobytes('VmRSS');
  const peakRssBytes = kilobytes('VmHWM');
  return rssBytes === null || peakRssBytes === null ? null : { rssBytes, peakRssBytes };
}
