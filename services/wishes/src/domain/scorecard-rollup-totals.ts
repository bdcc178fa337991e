import { addPart, scorecardPart, type RollupIncrement, type RollupKey, type ScoredWish } from './scorecard-contribution.ts';

/** A rollup as built in memory: its key, and its numbers and labels nested under their paths. */
export interface BuiltRollup extends RollupKey {
  fields: Record<string, unknown>;
}

/**
 * The rollups of many wishes added up in memory, to write them in one go: what the seed generates
 * and what a start builds from the wishes already stored, by the same parts as every change.
 */
export class ScorecardRollupTotals {
  private readonly rollups = new Map<string, RollupIncrement>();
  wishes = 0;

  add(wish: ScoredWish): void {
    this.wishes += 1;
    for (const part of scorecardPart(wish)) addPart(this.rollups, part, 1);
  }

  get size(): number {
    return this.rollups.size;
  }

  *built(): Generator<BuiltRollup> {
    for (const { key, amounts, labels } of this.rollups.values()) {
      const fields: Record<string, unknown> = {};
      for (const [path, value] of [...amounts, ...labels]) setPath(fields, path, value);
      yield { ...key, fields };
    }
  }
}

/** `a.b.c` → `{ a: { b: { c: value } } }`, within `target`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split('.');
  let node = target;
  for (const name of names.slice(0, -1)) node = (node[name] ??= {}) as Record<string, unknown>;
  node[names.at(-1)!] = value;
}
