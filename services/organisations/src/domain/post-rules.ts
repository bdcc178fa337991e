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
