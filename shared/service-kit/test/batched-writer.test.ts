import { describe, expect, it } from 'vitest';
import { batchedWriter } from '../src/batched-writer.ts';

describe('batched writer', () => {
  it('writes what one tick hands in with one call, and settles each caller after it', async () => {
    const writes: string[][] = [];
    const write = batchedWriter<string>(async (items) => {
      writes.push([...items]);
    });
    const settled: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((item) => write(item).then(() => settled.push(item))));
    expect(writes).toEqual([['a', 'b', 'c']]);
    expect(settled).toEqual(['a', 'b', 'c']);
    await write('d');
    expect(writes).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('keeps items that are equal as separate items', async () => {
    const writes: object[][] = [];
    const write = batchedWriter<object>(async (items) => {
      writes.push([...items]);
    });
    const same = { residentId: 'r1' };
    await Promise.all([write(same), write(same)]);
    expect(writes).toEqual([[same, same]]);
  });

  it('fails every caller of a batch whose write failed', async () => {
    const write = batchedWriter<string>(async () => {
      throw new Error('the database refused');
    });
    const outcomes = await Promise.allSettled([write('a'), write('b')]);
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).message : 'written'))).toEqual(['the database refused', 'the database refused']);
  });
});
