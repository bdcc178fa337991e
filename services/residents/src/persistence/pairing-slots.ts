import { isDuplicateKeyError } from '@civic/service-kit';
import type { GraphQLError } from 'graphql';
import type { Model, QueryFilter } from 'mongoose';
import { pairingSlots } from '../domain/pairing.ts';

export interface SlotRules<T> {
  limit: number;
  /** Selects a pairing of the paired party (member or household), which may have one owner only. */
  pairedParty: QueryFilter<T>;
  ownerFull: () => GraphQLError;
  partyAlreadyPaired: () => GraphQLError;
}

/**
 * Inserts a pairing into its owner's first free slot. Each attempt is one insert that the unique
 * (owner, slot) and (party) indexes admit or refuse, so concurrent requests can never fill more
 * than `limit` slots nor pair a party twice, and nothing is written when every slot is taken.
 */
export async function occupyFreeSlot<T>(model: Model<T>, pairing: Omit<T, '_id' | 'slot'>, rules: SlotRules<T>): Promise<T> {
  for (const slot of pairingSlots(rules.limit)) {
    try {
      const created = await model.create({ ...pairing, slot } as unknown as T);
      return created.toObject() as T;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // FerretDB's duplicate-key error does not name the index, so ask which one refused: the
      // write already failed, so this read only chooses the message.
      if (await model.exists(rules.pairedParty)) throw rules.partyAlreadyPaired();
    }
  }
  throw rules.ownerFull();
}
