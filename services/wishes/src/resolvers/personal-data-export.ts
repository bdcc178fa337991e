import { parseId, requireSelf } from '@civic/service-kit';
import type { PersonalDataExportResolvers } from '../generated/resolvers-types.ts';
import { wishesPartOf } from '../persistence/personal-data-export.ts';
import { exportAnotherResidentsData } from '../errors.ts';

/** This department's part of a resident's data export (exportMyData), for that resident alone. */
export const PersonalDataExport: PersonalDataExportResolvers = {
  __resolveReference: ({ residentId }) => ({ residentId }),
  wishes: ({ residentId }, _args, context) => {
    requireSelf(context.viewer, residentId, exportAnotherResidentsData);
    return wishesPartOf(context.models, parseId('residentId', residentId));
  },
};
