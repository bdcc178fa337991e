import { createModels as createOrganisationModels } from '../../../services/organisations/src/models/index.ts';
import { createModels as createResidentModels } from '../../../services/residents/src/models/index.ts';
import { createModels as createResourceModels } from '../../../services/resources/src/models/index.ts';
import { createModels as createWishModels } from '../../../services/wishes/src/models/index.ts';
import { createModels as createMeetingModels } from '../../../services/meetings/src/models/index.ts';

/**
 * Every service the seed fills, each through its own models, in insert order. A service joins
 * the seed with one line here, its section in `SeedData` and its generator (seed-data.ts).
 */
export const SEEDED_SERVICES = {
  organisations: createOrganisationModels,
  residents: createResidentModels,
  resources: createResourceModels,
  wishes: createWishModels,
  meetings: createMeetingModels,
};

export type SeededService = keyof typeof SEEDED_SERVICES;
export type ServiceModels = { [S in SeededService]: ReturnType<(typeof SEEDED_SERVICES)[S]> };
export const SEEDED_SERVICE_NAMES = Object.keys(SEEDED_SERVICES) as SeededService[];
