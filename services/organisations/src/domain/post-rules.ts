import type { Types } from 'mongoose';
import { isWithin } from './organisation-tree.ts';
import type { InputViolation } from '@civic/service-kit';

/** Rules of the micro-platform (微平台). */

export const POST_KINDS = ['NEWS', 'POLICY', 'VOLUNTEER_CALL', 'NOTICE'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const MAX_TITLE_LENGTH = 100;
export const MAX_BODY_LENGTH = 20_000;

/** An organisation publishes to itself or to a part of its own subtree, never to a neighbour's. */
export function audienceError(publisherId: Types.ObjectId, audiencePath: readonly Types.ObjectId[]): InputViolation | null {
  return isWithin(audiencePath, publisherId) ? null : audienceOutsidePublisher();
}

export function audienceOutsidePublisher(): InputViolation {
  return { field: 'audienceId', message: "must be the publisher or lie within the publisher's subtree" };
}

/** A grid's post goes to a grid of a community in the publisher's subtree. */
export function gridAudienceError(publisherId: Types.ObjectId, grid: { organisationPath: readonly Types.ObjectId[] }): InputViolation | null {
  return isWithin(grid.organisationPath, publisherId) ? null : gridOutsidePublisher();
}

export function gridOutsidePublisher(): InputViolation {
  return { field: 'audienceGridId', message: "must be a grid of a community within the publisher's subtree" };
}

/** A post has one audience: an organisation's subtree or a grid's. */
export function twoAudiences(): InputViolation {
  return { field: 'audienceGridId', message: 'give either audienceId or audienceGridId, not both' };
}

/** A grid audience's path: its community's path, the grids above it, the grid. */
export function gridAudiencePath(grid: { _id: Types.ObjectId; organisationPath: readonly Types.ObjectId[]; ancestorIds: readonly Types.ObjectId[] }): Types.ObjectId[] {
  return [...grid.organisationPath, ...grid.ancestorIds, grid._id];
}
