import { idOf, loadReferenced } from '@civic/service-kit';
import type { PersonalDataReadResolvers } from '../generated/resolvers-types.ts';

/** An entry of the access log, as stored; the resident is shown as Resident always is to this viewer. */
export const PersonalDataRead: PersonalDataReadResolvers = {
  id: idOf,
  resident: (read, _args, { loaders }) => loadReferenced(loaders.resident, read.residentId, 'Resident'),
};
