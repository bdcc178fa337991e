/**
 * The organisations service's seed: its sample records, generated step by step as infra's seed
 * orchestrates them, and the references other services' seeds build on.
 */
export { buildOrganisationTree, type CommunityOrganisations, type OrganisationTree, type StreetOrganisations, type TreePlan } from './organisations-seed.ts';
export { appointGridResponsibles, communityGrids, streetGrid, worksFourLevelGrid, type CommunityGrids } from './grids-seed.ts';
export { partnerCommunity, signAgreement } from './partnerships-seed.ts';
export { communityActivities, organiseActivities, streetActivities, type ActivityRecords } from './activities-seed.ts';
export { communityPosts, publishPosts, streetPosts } from './posts-seed.ts';
export type { OrganisationsRecords } from './records.ts';
// The rule createGrid places grids by, which every seeded grid follows.
export { gridPlacementError } from '../domain/grid-tree.ts';
// The service's own models, which infra's seed builds the indexes and inserts through.
export { createModels } from '../models/index.ts';
