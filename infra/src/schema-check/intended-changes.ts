import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';

/** A breaking change made on purpose: the path the check names it by, and why. */
export interface IntendedChange {
  path: string;
  reason: string;
}

export class IntendedChangesError extends Error {}

/**
 * The `intended` list of infra/schema-changes.yaml: each entry a `path` (`Resident.phone`) and a
 * `reason`, each path once. Anything else is refused, naming the entry.
 */
export function parseIntendedChanges(yamlText: string, source: string): IntendedChange[] {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) throw new IntendedChangesError(`${source}: ${document.errors[0]!.message}`);
  const intended = document.get('intended');
  if (!isSeq(intended)) throw new IntendedChangesError(`${source}: "intended" must be a list (empty: [])`);
  const seen = new Set<string>();
  return intended.items.map((item, index) => {
    const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : {};
    const { path, reason } = entry;
    if (typeof path !== 'string' || path.trim() === '') throw new IntendedChangesError(`${source}: entry ${index + 1} has no path (such as Resident.phone)`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new IntendedChangesError(`${source}: ${path} has no reason`);
    if (seen.has(path)) throw new IntendedChangesError(`${source}: ${path} is listed twice`);
    seen.add(path);
    return { path, reason: reason.trim() };
  });
}

/** The same file with its `intended` list emptied and its comments kept: what a release leaves. */
export function withoutIntendedChanges(yamlText: string): string {
  const document = parseDocument(yamlText);
  const empty = new YAMLSeq();
  empty.flow = true;
  document.set('intended', empty);
  return document.toString();
}
