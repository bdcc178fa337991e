import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize } from '../src/pagination.ts';

const id = new Types.ObjectId('65a1b2c3d4e5f6a7b8c9d0e1');

describe('cursors', () => {
  it('round-trips a string sort value', () => {
    expect(decodeCursor(encodeCursor('张三', id))).toEqual({ sortValue: '张三', id });
  });

  it('round-trips a date sort value as a date', () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ sortValue: at, id });
  });

  it('rejects a cursor that was not made here, naming the argument', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow('after: is not a cursor from this listing');
  });
});

describe('page size', () => {
  it('defaults to 20', () => {
    expect(pageSize(undefined)).toBe(20);
  });

  it(`refuses more than ${MAX_PAGE_SIZE}`, () => {
    expect(() => pageSize(MAX_PAGE_SIZE + 1)).toThrow(`first: must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
  });

  it('refuses a negative size', () => {
    expect(() => pageSize(-1)).toThrow(`first: must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
  });
});
