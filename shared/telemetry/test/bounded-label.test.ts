import { describe, expect, it } from 'vitest';
import { BoundedLabel } from '../src/bounded-label.ts';

describe('a bounded label', () => {
  it('keeps values as given, cut to the length limit', () => {
    const label = new BoundedLabel(10, 5, '(other)');
    expect([label.of('Short'), label.of('LongerName'), label.of('Longer')]).toEqual(['Short', 'Longe', 'Longe']);
  });

  it('keeps the first distinct values up to the limit and folds every later one into the overflow label', () => {
    const label = new BoundedLabel(2, 100, '(other)');
    expect(['A', 'B', 'C', 'A', 'D', 'B'].map((value) => label.of(value))).toEqual(['A', 'B', '(other)', 'A', '(other)', 'B']);
  });
});
