import { isDuplicateKeyError, isDuplicateKeyOn } from '@civic/service-kit';
import type { GraphQLError } from 'graphql';
import type { Model } from 'mongoose';
import { pairingSlots } from '../domain/pairing.ts';

export interface SlotRules {
  limit: number;
  /** The key of the unique index that gives the paired party (member or household) one owner only. */
  partyIndex: Readonly<Record<string, 1>>;
  ownerFull: () => GraphQLError;
  partyAlreadyPaired: () => GraphQLError;
}

/**
 * Inserts a pairing into its owner's first free slot. Each attempt is one insert that the unique
 * (owner, slot) and (party) indexes admit or refuse, so concurrent requests can never fill more
 * than `limit` slots nor pair a party twice, and nothing is written when every slot is taken.
 */
export async function occupyFreeSlot<T>(model: Model<T>, pairing: Omit<T, '_id' | 'slot'>, rules: SlotRules): Promise<T> {
  for (const slot of pairingSlots(rules.limit)) {
    try {
      const created = await model.create({ ...pairing, slot } as unknown as T);
      return created.toObject() as T;
    } catch (error) {
      // The error names the index that refused: the party's own (it is paired already), or the
      // owner's slot (taken meanwhile: try the next).
      if (isDuplicateKeyOn(error, rules.partyIndex)) throw rules.partyAlreadyPaired();
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw rules.ownerFull();
}
