import { createModels as createMeetingModels } from '@civic/meetings/seed';
import { createModels as createOrganisationModels } from '@civic/organisations/seed';
import { createModels as createResidentModels } from '@civic/residents/seed';
import { createModels as createResourceModels } from '@civic/resources/seed';
import { createModels as createWishModels } from '@civic/wishes/seed';

/**
 * Every service the seed fills, each through its own models, in insert order. A service joins
 * the seed with one line here and its step in seed-data.ts.
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
