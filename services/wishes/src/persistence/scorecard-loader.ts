import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import type { MonthPeriod } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { ScorecardFacts } from '../domain/scorecard.ts';
import { scorecardFacts } from './scorecard-facts.ts';
import type { ScorecardSide } from '../domain/scorecard-contribution.ts';

/** One unit's scorecard facts on one side over one period. */
export interface ScorecardKey {
  side: ScorecardSide;
  unitId: string;
  period: Pick<MonthPeriod, 'start' | 'end'>;
}

const batchOf = (key: ScorecardKey) => `${key.side}|${key.period.start.toISOString()}|${key.period.end.toISOString()}`;

/**
 * Per request: the scorecards a page asks for (an organisation list with `scorecard` on each)
 * come from one read of rollups per side and period, whatever the number of units.
 */
export function scorecardLoader(models: Models): DataLoader<ScorecardKey, ScorecardFacts, string> {
  return new DataLoader<ScorecardKey, ScorecardFacts, string>(
    async (keys) => {
      const batches = new Map<string, ScorecardKey[]>();
      for (const key of keys) batches.set(batchOf(key), [...(batches.get(batchOf(key)) ?? []), key]);
      const answers = new Map<string, ScorecardFacts>();
      await Promise.all(
        [...batches.entries()].map(async ([batch, members]) => {
          const { side, period } = members[0]!;
          const units = [...new Set(members.map((key) => key.unitId))].map((id) => new Types.ObjectId(id));
          const facts = await scorecardFacts(models, side, units, period);
          for (const [unitId, unitFacts] of facts) answers.set(`${batch}|${unitId}`, unitFacts);
        }),
      );
      return keys.map((key) => answers.get(`${batchOf(key)}|${key.unitId}`)!);
    },
    { cacheKeyFn: (key) => `${batchOf(key)}|${key.unitId}` },
  );
}
