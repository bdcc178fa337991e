import type { ClientSession } from 'mongoose';
import { isDuplicateKeyError } from '@civic/service-kit';
import type { Models, ResidentDocument } from '../models/index.ts';
import { statusAfterIdentityChange } from '../domain/real-name.ts';
import type { PersonalFacts } from '../domain/personal-facts.ts';
import { idNumberTaken, residentGone } from '../errors.ts';

/** A resident's personal facts as they are read and written: updateResident and an accepted correction. */

export function factsOf(resident: ResidentDocument): PersonalFacts {
  const { name, gender, birthYear, phone, specialCare } = resident;
  return { name, gender, birthYear, phone, idNumber: resident.idNumber ?? null, specialCare };
}

/** `$set` and `$unset` for the facts; a missing ID number is left out so the sparse index skips it. */
function factsUpdate(facts: PersonalFacts) {
  const { idNumber, ...rest } = facts;
  return idNumber === null ? { $set: rest, $unset: { idNumber: 1 as const } } : { $set: { ...rest, idNumber } };
}

/**
 * Writes the facts `changed` from `resident`'s (as `changedFacts` found them); a new name or ID
 * number starts real-name verification over. `field` names the resident in the errors.
 */
export async function saveFacts(
  models: Models,
  resident: ResidentDocument,
  after: PersonalFacts,
  changed: readonly (keyof PersonalFacts)[],
  now: Date,
  field: string,
  session?: ClientSession,
): Promise<ResidentDocument> {
  if (changed.length === 0) return resident;
  const verificationStatus = statusAfterIdentityChange(resident.verificationStatus, changed.includes('name') || changed.includes('idNumber'));
  const update = factsUpdate(after);
  try {
    const updated = await models.Resident.findOneAndUpdate(
      { _id: resident._id },
      { ...update, $set: { ...update.$set, verificationStatus, updatedAt: now } },
      { returnDocument: 'after', session },
    ).lean<ResidentDocument>();
    if (!updated) throw residentGone(field);
    return updated;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw idNumberTaken();
    throw error;
  }
}
