import { UnapplicableEvent, type AnyCivicEvent } from '@civic/events';
import { Types, type ClientSession, type Model } from 'mongoose';
import { isHexId } from './object-ids.ts';

/**
 * What every department's `<department>-resident-closure` consumer shares: when a resident closes
 * their account (`resident.closed`), each department removes the person from its own records and
 * keeps the records' shape. A reference to the person becomes a fresh random id per record where a
 * unique index needs a value (so two records of the person cannot be linked, to each other or to
 * another department's), else null; who-did-it strings that named the person become a marker.
 */

/** Stands for the person in who-did-it fields (a timeline's actor, `recordedBy`, `bookedBy`). */
export const CLOSED_ACCOUNT_ACTOR = 'closed-account';

/** The closed resident's id, as an ObjectId; an event without a well-formed one is parked at once. */
export function closedResidentOf(event: AnyCivicEvent): Types.ObjectId {
  if (event.kind !== 'resident.closed') throw new UnapplicableEvent(`${event.kind} closes no account`);
  if (!isHexId(event.facts.residentId)) throw new UnapplicableEvent(`${event.facts.residentId} is not a resident id`);
  return new Types.ObjectId(event.facts.residentId);
}

/** Whether a token subject names the resident: their id itself, or `<kind>:<id>` as resident tokens are made. */
export function subjectNamesResident(subject: string, residentId: Types.ObjectId): boolean {
  const id = residentId.toHexString();
  return subject === id || subject.endsWith(`:${id}`);
}

/**
 * Sets `field` of every document matching `filter` to a fresh random id of its own (and `also`),
 * inside the consumer's transaction; returns how many documents it changed. One update per
 * document, since each gets a different id.
 */
export async function replaceWithFreshIds<T>(model: Model<T>, filter: Record<string, unknown>, field: string, also: Record<string, unknown>, session: ClientSession): Promise<number> {
  const documents = await model.find(filter, { _id: 1 }, { session }).lean<{ _id: Types.ObjectId }[]>();
  if (documents.length === 0) return 0;
  await model.bulkWrite(
    documents.map((document) => ({ updateOne: { filter: { _id: document._id }, update: { $set: { [field]: new Types.ObjectId(), ...also } } } })) as never,
    { session, ordered: true },
  );
  return documents.length;
}
