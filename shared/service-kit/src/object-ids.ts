import { Types } from 'mongoose';

/** The one way an id is written in the graph: 24 hex digits, the text of a MongoDB ObjectId. */
const HEX_ID = /^[0-9a-f]{24}$/i;

export function isHexId(value: string): boolean {
  return HEX_ID.test(value);
}

/** The ids of text that may come from anywhere; text that is no id is dropped, since it can match nothing. */
export function objectIdsOf(values: readonly string[]): Types.ObjectId[] {
  return values.filter(isHexId).map((value) => new Types.ObjectId(value));
}

/** The ids of text the graph itself gave (an organisation's path, say), which is always hex. */
export function toObjectIds(hexes: readonly string[]): Types.ObjectId[] {
  return hexes.map((hex) => new Types.ObjectId(hex));
}

export function hexIds(ids: readonly Types.ObjectId[]): string[] {
  return ids.map((id) => id.toHexString());
}
