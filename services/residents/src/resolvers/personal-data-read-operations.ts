import { paginate, requireResident, type SortOrder } from '@civic/service-kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { personalDataReadQuery } from '../inputs/personal-data-read-filter.ts';
import { listDataReadsNotResident } from '../errors.ts';

const NEWEST_FIRST: SortOrder = { field: 'at', direction: -1 };

/**
 * The access log: a resident lists the reads of their own data; supervisors (community workers,
 * street and district admins) read the log of their subtrees. Nothing writes it but the reads.
 */
export const personalDataReadQueries: QueryResolvers = {
  myDataReads: (_parent, { first, after }, { viewer, models }) => {
    const residentId = requireResident(viewer, listDataReadsNotResident);
    return paginate(models.PersonalDataRead, { residentId }, { first, after }, NEWEST_FIRST);
  },
  personalDataReads: (_parent, { filter, first, after }, { viewer, models }) =>
    paginate(models.PersonalDataRead, personalDataReadQuery(viewer, filter), { first, after }, NEWEST_FIRST),
};
