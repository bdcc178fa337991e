import { expect } from 'vitest';
import type { OperationResult } from './subgraph-tester.ts';

/** The data of a result that must have succeeded. */
export function dataOf<T = Record<string, unknown>>(result: OperationResult): T {
  expect(result.errors).toEqual([]);
  return result.data as T;
}

/** The single error of a result that must have failed, as { code, field?, message }. */
export function errorOf(result: OperationResult): { code: unknown; field?: unknown; message: string } {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors;
  const summary: { code: unknown; field?: unknown; message: string } = { code: error!.extensions?.code, message: error!.message };
  if (error!.extensions?.field !== undefined) summary.field = error!.extensions.field;
  return summary;
}

/** The database commands since the last reset, in a stable order (loaders of one level run in any order). */
export function commandsSince(commands: { entries(): { name: string; collection: string | null }[] }): { name: string; collection: string | null }[] {
  const key = (command: { name: string; collection: string | null }) => `${command.collection ?? ''}/${command.name}`;
  return commands.entries().sort((a, b) => key(a).localeCompare(key(b)));
}

/** Database commands counted by `<command> <collection>`, e.g. `{ 'find residents': 1 }`. */
export function commandCounts(records: readonly { name: string; collection: string | null }[] = []): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) {
    const key = `${record.name} ${record.collection}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
