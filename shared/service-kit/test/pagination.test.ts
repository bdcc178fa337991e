import { Schema, Types, model } from 'mongoose';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { notACursor, notWholeNumberInRange } from '../src/input-errors.ts';
import { afterCursorFilter, decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, sortOf, type SortOrder, type SortValueType } from '../src/pagination.ts';

const id = new Types.ObjectId('65a1b2c3d4e5f6a7b8c9d0e1');
const hex = id.toHexString();
/** A cursor of any content, encoded the way cursors are. */
const cursorOf = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url');

/** What decoding a cursor for a listing of `sortType` throws, as { code, field, message }. */
function refusal(cursor: string, sortType: SortValueType) {
  try {
    decodeCursor(cursor, sortType);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  throw new Error(`${cursor} was accepted`);
}

const refusedCursor = notACursor();
const REFUSED = { code: refusedCursor.extensions.code, field: refusedCursor.extensions.field, message: refusedCursor.message };

describe('cursors', () => {
  it('round-trip each kind of sort value', () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    expect([
      decodeCursor(encodeCursor('张三', id), 'string'),
      decodeCursor(encodeCursor(at, id), 'date'),
      decodeCursor(encodeCursor(42, id), 'number'),
      decodeCursor(encodeCursor(true, id), 'boolean'),
      decodeCursor(encodeCursor(id, id), 'objectId'),
    ]).toEqual([
      { sortValue: '张三', id },
      { sortValue: at, id },
      { sortValue: 42, id },
      { sortValue: true, id },
      { sortValue: id, id },
    ]);
  });

  it('refuse what is not base64 JSON, naming the argument', () => {
    expect([refusal('bm90LWEtY3Vyc29y', 'string'), refusal('', 'string'), refusal('!!!', 'string')]).toEqual([REFUSED, REFUSED, REFUSED]);
  });

  it('refuse valid JSON of another shape', () => {
    const shapes = [null, 7, 'text', {}, [], [['s', 'a']], [['s', 'a'], hex, 'more'], [[1, 2], 3], [['s'], hex], [['s', 'a', 'b'], hex], [{ s: 'a' }, hex]];
    expect(shapes.map((shape) => refusal(cursorOf(shape), 'string'))).toEqual(shapes.map(() => REFUSED));
  });

  it('refuse an id that is not 24 hex digits', () => {
    const ids = ['zzzzzzzzzzzzzzzzzzzzzzzz', hex.slice(1), `${hex}0`, 12, null, { $oid: hex }, [hex]];
    expect(ids.map((bad) => refusal(cursorOf([['s', 'a'], bad]), 'string'))).toEqual(ids.map(() => REFUSED));
  });

  it("refuse a sort value of another type than the listing's sort field", () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    expect([
      refusal(encodeCursor('张三', id), 'date'),
      refusal(encodeCursor(at, id), 'string'),
      refusal(encodeCursor(42, id), 'string'),
      refusal(encodeCursor('42', id), 'number'),
      refusal(encodeCursor(id, id), 'date'),
    ]).toEqual([REFUSED, REFUSED, REFUSED, REFUSED, REFUSED]);
  });

  it('refuse a tag that does not match its value, or garbage nested in the value', () => {
    const values = [
      ['s', { $ne: null }],
      ['s', ['a']],
      ['n', '5'],
      ['d', 'yesterday'],
      ['d', 1_772_352_000_000],
      ['d', '2026-03-01'],
      ['o', 'not-an-id'],
      ['x', 'a'],
      ['b', 'true'],
    ];
    const sortTypes: SortValueType[] = ['string', 'string', 'number', 'date', 'date', 'date', 'objectId', 'string', 'boolean'];
    expect(values.map((value, index) => refusal(cursorOf([value, hex]), sortTypes[index]!))).toEqual(values.map(() => REFUSED));
    // JSON reads a number too large for a double as Infinity.
    expect(refusal(Buffer.from(`[["n",1e400],"${hex}"]`).toString('base64url'), 'number')).toEqual(REFUSED);
  });

  it('refuse a cursor longer than any this graph makes', () => {
    expect(refusal(encodeCursor('张'.repeat(400), id), 'string')).toEqual(REFUSED);
  });
});

describe('page size', () => {
  it('defaults to 20', () => {
    expect(pageSize(undefined)).toBe(20);
  });

  it(`refuses more than ${MAX_PAGE_SIZE}`, () => {
    expect(() => pageSize(MAX_PAGE_SIZE + 1)).toThrow(notWholeNumberInRange('first', 0, MAX_PAGE_SIZE));
  });

  it('refuses a negative size', () => {
    expect(() => pageSize(-1)).toThrow(notWholeNumberInRange('first', 0, MAX_PAGE_SIZE));
  });
});

describe('an order whose ties break the other way', () => {
  // Most votes first, then the earliest: the next page has fewer votes, or as many and a later id.
  const MOST_VOTES_FIRST: SortOrder = { field: 'voteCount', direction: -1, idDirection: 1 };
  const Ranked = model('RankedForPaging', new Schema({ voteCount: { type: Number, required: true } }));

  it('sorts by the field one way and by id the other', () => {
    expect(sortOf(MOST_VOTES_FIRST)).toEqual({ voteCount: -1, _id: 1 });
    expect(sortOf({ field: 'voteCount', direction: -1 })).toEqual({ voteCount: -1, _id: -1 });
  });

  it('continues after a cursor in that order', () => {
    expect(afterCursorFilter(Ranked, MOST_VOTES_FIRST, encodeCursor(3, id))).toEqual({ $or: [{ voteCount: { $lt: 3 } }, { voteCount: 3, _id: { $gt: id } }] });
  });
});
