import type { TreePlan } from '@civic/organisations/seed';
import type { Range } from '@civic/seed-kit';

/**
 * How much sample data each scale generates. `street` is modelled on Jiangxinzhou street
 * (江心洲街道) and Hangzhou's Tianxin community; `district` repeats the same shape over a dozen
 * streets to reach the ~200,000 residents a district deployment must carry (see DOMAIN.md).
 */
export const SCALES = ['street', 'district'] as const;
export type Scale = (typeof SCALES)[number];

/** The organisation tree's plan, and how much each service's seed generates over it. */
export interface ScalePlan extends TreePlan {
  generalGridsPerCommunity: Range;
  activitiesPerCommunity: Range;
  activitiesPerStreet: Range;
  postsPerCommunity: Range;
  postsPerStreet: Range;
  wishesPerCommunity: Range;
}

const COMMUNITY_SHAPE = {
  departmentsPerStreet: [3, 5],
  branchesPerCommunity: [2, 4],
  groupsPerBranch: [2, 3],
  coBuildingUnitsPerCommunity: [3, 5],
  volunteerTeamsPerCommunity: 2,
  generalGridsPerCommunity: [3, 4],
  activitiesPerCommunity: [9, 11],
  activitiesPerStreet: [3, 5],
  postsPerCommunity: [12, 14],
  postsPerStreet: [4, 6],
} as const satisfies Partial<ScalePlan>;

export const PLANS: Readonly<Record<Scale, ScalePlan>> = {
  // 6 communities x ~200 households x ~2.8 people: ~1,200 households, ~3,400 residents; a few
  // hundred wishes a community, enough for every state.
  street: { streets: 1, communitiesPerStreet: [6, 6], householdsPerCommunity: [180, 220], wishesPerCommunity: [140, 160], ...COMMUNITY_SHAPE },
  // 12 streets x ~10 communities x ~610 households: ~70,000 households, ~200,000 residents; about
  // a million wishes over three years (~8,300 a community).
  district: { streets: 12, communitiesPerStreet: [9, 11], householdsPerCommunity: [560, 660], wishesPerCommunity: [7_800, 8_800], ...COMMUNITY_SHAPE },
};

export function isScale(value: string): value is Scale {
  return (SCALES as readonly string[]).includes(value);
}
