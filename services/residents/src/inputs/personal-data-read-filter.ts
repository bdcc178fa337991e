import type { Viewer } from '@civic/identity';
import { MANAGER_ROLES, parseId, requireRole, requireText, staffScopeIds, timeBetween } from '@civic/service-kit';
import type { PersonalDataReadFilter } from '../generated/resolvers-types.ts';
import { dataReadsUntilBeforeSince, readAccessLogNotSupervisor } from '../errors.ts';

/** As long as a token subject may reasonably be. */
const READER_SUBJECT_MAX_LENGTH = 200;

/**
 * The query behind `personalDataReads(filter)`: a supervisor's own subtrees always, narrowed by
 * each condition given (an organisation outside those subtrees narrows to nothing). Each condition
 * leads one of the log's indexes (models/personal-data-read.ts).
 */
export function personalDataReadQuery(viewer: Viewer, filter: PersonalDataReadFilter | null | undefined): Record<string, unknown> {
  requireRole(viewer, readAccessLogNotSupervisor, ...MANAGER_ROLES);
  const conditions: Record<string, unknown>[] = [{ residentOrganisationPath: { $in: staffScopeIds(viewer) } }];
  if (filter?.organisationId) conditions.push({ residentOrganisationPath: parseId('filter.organisationId', filter.organisationId) });
  if (filter?.residentId) conditions.push({ residentId: parseId('filter.residentId', filter.residentId) });
  if (typeof filter?.readerSubject === 'string') {
    conditions.push({ readerSubject: requireText('filter.readerSubject', filter.readerSubject, { max: READER_SUBJECT_MAX_LENGTH }) });
  }
  if (filter?.since && filter.until && filter.until <= filter.since) throw dataReadsUntilBeforeSince();
  if (filter?.since || filter?.until) conditions.push({ at: timeBetween(filter.since, filter.until) });
  return { $and: conditions };
}
