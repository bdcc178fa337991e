import { parseId, requireSelf } from '@civic/service-kit';
import type { PersonalDataExportResolvers } from '../generated/resolvers-types.ts';
import { meetingsPartOf } from '../persistence/personal-data-export.ts';
import { exportAnotherResidentsData } from '../errors.ts';

/** This department's part of a resident's data export (exportMyData), for that resident alone. */
export const PersonalDataExport: PersonalDataExportResolvers = {
  __resolveReference: ({ residentId }) => ({ residentId }),
  meetings: ({ residentId }, _args, context) => {
    requireSelf(context.viewer, residentId, exportAnotherResidentsData);
    return meetingsPartOf(context.models, parseId('residentId', residentId));
  },
};
