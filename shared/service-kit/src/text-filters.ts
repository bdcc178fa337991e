import { controlCharacters, emptyText, textTooLong } from './input-errors.ts';

/**
 * Filters on free text a client types. Each is bounded (a long value is refused before it reaches
 * the database) and matched literally: the text never becomes a pattern of the client's making.
 */

/**
 * Matches values that start with `prefix`: escaped as a literal, anchored with ^ so that the
 * index on the field serves it as a range. `prefix` is already normalised the way the field's
 * values are; at most `maxLength` characters.
 */
export function startsWith(field: string, prefix: string, maxLength: number): { $regex: string } {
  const length = [...prefix].length;
  if (length === 0) throw emptyText(field);
  if (length > maxLength) throw textTooLong(field, maxLength);
  // MongoDB refuses a pattern holding a NUL, and no name holds a control character.
  if (/\p{Cc}/u.test(prefix)) throw controlCharacters(field);
  return { $regex: `^${escapeRegex(prefix)}` };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
