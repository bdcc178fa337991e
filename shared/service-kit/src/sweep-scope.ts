import { hasRole, isStaff, staffCovers, type Viewer } from '@civic/identity';
import type { Types } from 'mongoose';
import { requireRole, requireSignedIn, type OrganisationPath, type Refusal } from './authorise.ts';
import { unknownId } from './errors.ts';
import { parseId } from './validate.ts';

/** How a service refuses a sweep: the whole instance to anyone but district admins and services, a subtree to anyone it does not cover. */
export interface SweepRefusals {
  wholeInstance: Refusal;
  outOfScope: Refusal;
}

/**
 * What a sweep run on demand may cover: the whole instance (null) for district admins and services,
 * as the timer runs it; or the subtree of `organisationId`, for services and staff whose scope covers
 * it. `pathOf` asks where the organisation sits (null: no such organisation). Anyone who may sweep no
 * subtree is refused before the organisation is looked up, so a refusal tells nothing of its existence.
 */
export async function sweepSubtree(
  viewer: Viewer,
  organisationId: string | null | undefined,
  pathOf: (id: string) => Promise<OrganisationPath | null>,
  refusals: SweepRefusals,
): Promise<Types.ObjectId | null> {
  if (organisationId === null || organisationId === undefined) {
    requireRole(viewer, refusals.wholeInstance, 'DISTRICT_ADMIN', 'SERVICE');
    return null;
  }
  requireSignedIn(viewer);
  const id = parseId('organisationId', organisationId);
  const isService = hasRole(viewer, 'SERVICE');
  if (!isService && !isStaff(viewer)) throw refusals.outOfScope();
  const path = await pathOf(id.toHexString());
  if (!path) throw unknownId('organisationId', 'organisation');
  if (!isService && !staffCovers(viewer, path)) throw refusals.outOfScope();
  return id;
}
