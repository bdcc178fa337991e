/** The words of the wishes subgraph, as stored and as the SDL spells them. */

export const WISH_KINDS = ['WISH', 'HELP', 'CONSULT', 'SUGGESTION'] as const;
export type WishKind = (typeof WISH_KINDS)[number];

export const WISH_CATEGORIES = ['GOVERNMENT_AFFAIRS', 'SELF_GOVERNANCE', 'MARKET_SERVICE', 'PUBLIC_WELFARE'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const WISH_URGENCIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type WishUrgency = (typeof WISH_URGENCIES)[number];

export const WISH_CHANNELS = ['APP', 'HOTLINE', 'DOOR_TO_DOOR', 'SERVICE_CENTRE', 'MEETING'] as const;
export type WishChannel = (typeof WISH_CHANNELS)[number];

export const WISH_STATUSES = [
  'SUBMITTED',
  'PUBLISHED',
  'REJECTED',
  'CLAIMED',
  'ROUTED',
  'IN_SERVICE',
  'FULFILLED',
  'RESOLVED',
  'CONFIRMED',
  'WITHDRAWN',
] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const HANDLING_LEVELS = ['COMMUNITY', 'STREET', 'DISTRICT'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const CLAIM_LEVELS = ['GRID', 'COMMUNITY', 'STREET'] as const;
export type ClaimLevel = (typeof CLAIM_LEVELS)[number];

export const CLAIMANT_KINDS = ['RESIDENT', 'ORGANISATION'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export const WORK_ORDER_STATUSES = ['OPEN', 'DONE'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Organisation kinds that may claim a wish (微心愿认领). */
export const CLAIMING_ORGANISATION_KINDS: readonly string[] = [
  'PARTY_BRANCH',
  'CO_BUILDING_UNIT',
  'SOCIAL_ORGANISATION',
  'VOLUNTEER_TEAM',
  'COMMUNITY_PARTY_COMMITTEE',
];

/** A micro-wish is claimed; every other kind is a request (诉求) and is routed. */
export function isRequest(kind: WishKind): boolean {
  return kind !== 'WISH';
}

/** Statuses anyone may see (with the requester hidden): the wish has been made public. */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['PUBLISHED', 'CLAIMED', 'ROUTED', 'IN_SERVICE', 'FULFILLED', 'RESOLVED', 'CONFIRMED'];

/** Statuses of a request still waiting for its handler. */
export const OPEN_REQUEST_STATUSES: readonly WishStatus[] = ['ROUTED', 'IN_SERVICE'];

export const TEXT_LIMITS = { title: 60, description: 1000, tag: 20, tags: 10, note: 500, part: 200, comment: 500 } as const;
