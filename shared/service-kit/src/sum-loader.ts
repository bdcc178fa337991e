import DataLoader from 'dataloader';
import type { Model, PipelineStage, Types } from 'mongoose';
import { objectIdsOf } from './object-ids.ts';

/**
 * For each key, the sum of `value` (a field path like `$amount`, or 1 to count) over the documents
 * whose `field` holds the key: one `$group` per batch.
 */
export function sumLoader<T>(model: Model<T>, field: string, value: string | 1): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const pipeline: PipelineStage[] = [
      { $match: { [field]: { $in: objectIdsOf(keys) } } },
      { $group: { _id: `$${field}`, total: { $sum: value } } },
    ];
    const groups = await model.aggregate<{ _id: Types.ObjectId; total: number }>(pipeline);
    const totals = new Map(groups.map((group) => [String(group._id), group.total]));
    return keys.map((key) => totals.get(key) ?? 0);
  });
}
