import { answerFromCells, asGraphAggregate, cellsOf, chinaMonthKey, parseMonthPeriod, type Grouping, type PersonFact } from '@civic/service-kit';
import type { FundDimension, QueryResolvers } from '../generated/resolvers-types.ts';
import type { DisbursementDocument } from '../models/disbursement.ts';
import { aggregateScope } from './aggregate-scope.ts';

const MEASURES = ['disbursements', 'amountFen'] as const;

type CountedDisbursement = Pick<DisbursementDocument, '_id' | 'servedPath' | 'recipientId' | 'amountFen' | 'reason'> & { decidedAt: Date };

/**
 * Cells are one served organisation, one China month and one reason, whatever the grouping. Reasons
 * are free text today: grouped exactly as written, so a rare wording stays in a small, withheld cell.
 */
const GROUPING: Record<FundDimension, Grouping> = {
  REASON: { groupOf: (cell) => cell.attributes.reason!, measures: MEASURES },
  MONTH: { groupOf: (cell) => cell.month!, measures: MEASURES },
};

export const fundAggregateQueries: QueryResolvers = {
  fundAggregate: async (_parent, { organisationId, period, by }, context) => {
    const organisation = await aggregateScope(context, organisationId);
    const months = parseMonthPeriod('period', period.from, period.to);
    const disbursements = await context.models.Disbursement.find(
      { servedPath: organisation, state: 'APPROVED', decidedAt: { $gte: months.start, $lt: months.end } },
      { servedPath: 1, recipientId: 1, amountFen: 1, reason: 1, decidedAt: 1 },
    ).lean<CountedDisbursement[]>();
    // A cell's unit is the organisation the fund serves: the last of its served path.
    const facts = disbursements.map(
      (disbursement): PersonFact => ({
        unit: disbursement.servedPath.at(-1)!.toHexString(),
        month: chinaMonthKey(disbursement.decidedAt),
        attributes: { reason: disbursement.reason },
        // A closed account's disbursement names no one any more: it counts as a person of its own.
        person: disbursement.recipientId?.toHexString() ?? `closed:${disbursement._id.toHexString()}`,
        measures: { disbursements: 1, amountFen: disbursement.amountFen },
      }),
    );
    return asGraphAggregate(answerFromCells(cellsOf(facts), GROUPING[by]));
  },
};
