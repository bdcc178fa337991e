import { requireResident, requireSelf } from '@civic/service-kit';
import type { PersonalDataExportResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { residentsPartOf } from '../persistence/personal-data-export.ts';
import { exportAnotherResidentsData, exportWithoutResidentAccount } from '../errors.ts';

/** exportMyData names the signed-in resident; each department then answers its part for that resident alone. */
export const personalDataExportQueries: QueryResolvers = {
  exportMyData: (_parent, _args, context) => ({ residentId: requireResident(context.viewer, exportWithoutResidentAccount).toHexString() }),
};

export const PersonalDataExport: PersonalDataExportResolvers = {
  __resolveReference: ({ residentId }) => ({ residentId }),
  generatedAt: (_export, _args, context) => context.clock.now(),
  residents: async ({ residentId }, _args, context) => {
    requireSelf(context.viewer, residentId, exportAnotherResidentsData);
    const resident = await context.loaders.resident.load(residentId);
    return resident ? residentsPartOf(context.models, resident) : null;
  },
};
