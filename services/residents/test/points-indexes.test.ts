import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester } from '@civic/test-harness';
import { Types, type PipelineStage } from 'mongoose';
import { residentsSubgraph } from '../src/subgraph.ts';
import { capUsagePipeline } from '../src/persistence/points-cap-usage.ts';
import { rankingPipeline } from '../src/persistence/points-ranking.ts';
import { chinaMonth } from '../src/domain/china-time.ts';
import type { Tester } from './support/operations.ts';

// The points aggregations read through their declared indexes, never by scanning the ledger.
let tester: Tester;

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph);
  // Enough entries that a collection scan would be a real alternative for the planner.
  const residentIds = Array.from({ length: 50 }, () => new Types.ObjectId());
  await tester.models.PointsEntry.insertMany(
    residentIds.flatMap((residentId, index) =>
      Array.from({ length: 4 }, (_, sequence) => ({
        residentId,
        sequence: sequence + 1,
        amount: 3,
        balanceAfter: 3 * (sequence + 1),
        source: 'MEETING',
        reason: '参加会议',
        recordedBy: 'residents-points',
        at: new Date(Date.UTC(2025, 4, 1 + sequence, index % 24)),
        organisationPath: [new Types.ObjectId(), new Types.ObjectId()],
        eventId: new Types.ObjectId().toHexString(),
        eventKind: 'meeting.attended',
      })),
    ),
  );
});
afterAll(() => tester.close());

/** The indexes a plan reads and the stages it runs, wherever the explain output nests them. */
async function planOf(pipeline: PipelineStage[]): Promise<{ indexes: string[]; collectionScan: boolean }> {
  const explained = JSON.stringify(await tester.models.PointsEntry.aggregate(pipeline).explain('queryPlanner'));
  return {
    indexes: [...new Set([...explained.matchAll(/"indexName":"([^"]+)"/g)].map((match) => match[1]!))],
    collectionScan: explained.includes('"COLLSCAN"'),
  };
}

describe('the points aggregations', () => {
  it('rank an organisation’s period through (organisationPath, at)', async () => {
    expect(await planOf(rankingPipeline(new Types.ObjectId(), chinaMonth(2025, 5), null, 20))).toEqual({ indexes: ['organisationPath_1_at_1'], collectionScan: false });
  });

  it('sum a resident’s earnings of a kind for the caps through (residentId, eventKind, at)', async () => {
    expect(await planOf(capUsagePipeline(new Types.ObjectId(), 'meeting.attended', new Date('2025-05-04T01:00:00Z')))).toEqual({
      indexes: ['residentId_1_eventKind_1_at_1'],
      collectionScan: false,
    });
  });
});
