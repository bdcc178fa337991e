import type { ClientSession, PipelineStage, Types } from 'mongoose';
import { chinaDayOf, chinaMonthOf } from '../domain/china-time.ts';
import type { CapUsage, EarningKind } from '../domain/points-rules.ts';
import type { Models } from '../models/index.ts';

/** What a resident earned from one kind of event in the China day and month of `at`: one query on the caps index. */
export async function capUsage(models: Models, residentId: Types.ObjectId, kind: EarningKind, at: Date, session: ClientSession): Promise<CapUsage> {
  const [usage] = await models.PointsEntry.aggregate<CapUsage>(capUsagePipeline(residentId, kind, at)).session(session);
  return usage ?? { today: 0, thisMonth: 0 };
}

export function capUsagePipeline(residentId: Types.ObjectId, kind: EarningKind, at: Date): PipelineStage[] {
  const month = chinaMonthOf(at);
  const day = chinaDayOf(at);
  return [
    { $match: { residentId, eventKind: kind, at: { $gte: month.from, $lt: month.to } } },
    {
      $group: {
        _id: null,
        thisMonth: { $sum: '$amount' },
        today: { $sum: { $cond: [{ $and: [{ $gte: ['$at', day.from] }, { $lt: ['$at', day.to] }] }, '$amount', 0] } },
      },
    },
    { $project: { _id: 0, today: 1, thisMonth: 1 } },
  ];
}
