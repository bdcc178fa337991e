import { readProcessMemory } from './process-memory.ts';

/** One measured process: the gateway, a subgraph or the database server. */
export interface WatchedProcess {
  name: string;
  pid: number;
}

/** A process's memory over a run, in bytes; null where it could not be read. */
export interface MemoryFigures {
  name: string;
  /** Resident set size once started and seeded, before any load. */
  idleRssBytes: number | null;
  /** Resident set size when the run ended. */
  endRssBytes: number | null;
  /** The kernel's high-water mark (VmHWM): the most the process ever held resident. */
  peakRssBytes: number | null;
}

/**
 * Reads every process's memory when the load starts and when it ends. The kernel keeps the
 * high-water mark itself, so no sample between can miss a peak.
 */
export async function startMemoryWatch(processes: readonly WatchedProcess[]): Promise<{ finish(): Promise<MemoryFigures[]> }> {
  const idle = await Promise.all(processes.map(({ pid }) => readProcessMemory(pid)));
  return {
    async finish() {
      const end = await Promise.all(processes.map(({ pid }) => readProcessMemory(pid)));
      return processes.map(({ name }, index) => ({
        name,
        idleRssBytes: idle[index]?.rssBytes ?? null,
        endRssBytes: end[index]?.rssBytes ?? null,
        peakRssBytes: end[index]?.peakRssBytes ?? null,
      }));
    },
  };
}
