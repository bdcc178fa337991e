import type { OperationBreak, SchemaChange, SchemaCheckResult } from './schema-check.ts';
import { checkPassed } from './schema-check.ts';

/** What `npm run check` prints: each breaking and dangerous change, stale entries, a summary of the safe ones, the verdict. */
export function checkReport(result: SchemaCheckResult, against: string, intendedChangesFile: string): string {
  const unintended = result.breaking.filter((change) => !change.intended);
  const lines = [
    `API schema compared with ${against}: ${result.breaking.length} breaking (${result.breaking.length - unintended.length} intended), ${result.dangerous.length} dangerous, ${result.safe.length} safe.`,
  ];
  for (const change of result.breaking) {
    lines.push('', `${change.intended ? 'INTENDED BREAKING' : 'BREAKING'} ${headline(change)}`);
    if (change.intended) lines.push(`  reason: ${change.intended.reason}`);
    else lines.push(`  not recorded as intended: undo it, or add { path: ${change.path}, reason: ... } to ${intendedChangesFile}`);
    lines.push(...(change.breaks.length > 0 ? change.breaks.map(breakLine) : ['  no known operation uses it']));
  }
  for (const change of result.dangerous) {
    lines.push('', `DANGEROUS ${headline(change)}`);
    if (change.reason) lines.push(`  ${change.reason}`);
  }
  for (const entry of result.stale) lines.push('', `STALE ${intendedChangesFile}: ${entry.path} matches no breaking change: remove the entry`);
  for (const invalid of result.invalid) lines.push('', `INVALID ${invalid.operation.label} does not validate against the new API schema:`, ...invalid.errors.map((error) => `  ${error}`));
  if (result.safe.length > 0) lines.push('', `safe: ${countsByType(result.safe)}`);
  lines.push('', checkPassed(result) ? 'Schema check passed.' : `Schema check failed: ${failures(result, unintended.length)}.`);
  return lines.join('\n');
}

function headline(change: SchemaChange): string {
  return `${change.path}: ${change.message} (${change.type})`;
}

function breakLine({ operation, errors }: OperationBreak): string {
  return errors.length > 0 ? `  breaks ${operation.label}: ${errors.join(' ')}` : `  changes the answers of ${operation.label} (it still validates)`;
}

function countsByType(changes: readonly SchemaChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.type, (counts.get(change.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => `${count} ${type}`).join(', ');
}

function failures(result: SchemaCheckResult, unintended: number): string {
  return [
    unintended > 0 ? `${unintended} breaking change(s) not recorded as intended` : '',
    result.stale.length > 0 ? `${result.stale.length} stale intended change(s)` : '',
    result.invalid.length > 0 ? `${result.invalid.length} known operation(s) that do not validate` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
