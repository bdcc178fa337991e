import { loadReferenced } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { PointsSpendingResolvers } from '../generated/resolvers-types.ts';
import type { Context } from '../context.ts';
import type { PointsEntryDocument } from '../models/index.ts';

export const PointsSpending: PointsSpendingResolvers = {
  reference: (spending) => spending._id,
  resident: (spending, _args, { loaders }) => loadReferenced(loaders.resident, spending.residentId, 'Resident'),
  spentEntry: (spending, _args, context) => entry(context, spending.spentEntryId),
  refundEntry: (spending, _args, context) => entry(context, spending.refundEntryId),
};

function entry(context: Context, id: Types.ObjectId | null): Promise<PointsEntryDocument | null> | null {
  return id && context.models.PointsEntry.findById(id).lean<PointsEntryDocument>();
}
