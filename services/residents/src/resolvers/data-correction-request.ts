import { loadReferenced } from '@civic/service-kit';
import type { DataCorrectionRequestResolvers } from '../generated/resolvers-types.ts';

/** Reached only through the listings that check who reads them (data-correction-operations.ts). */
export const DataCorrectionRequest: DataCorrectionRequestResolvers = {
  id: (request) => request._id.toHexString(),
  resident: (request, _args, { loaders }) => loadReferenced(loaders.resident, request.residentId, 'Resident'),
};
