import { hasRole, isAnonymous, isStaff, type Viewer } from '@civic/identity';

/** The kinds of caller that limits tell apart, from the most constrained. */
export const CALLER_TIERS = ['anonymous', 'resident', 'staff', 'analyst', 'service'] as const;
export type CallerTier = (typeof CALLER_TIERS)[number];

/**
 * A caller's tier from the verified viewer. A caller holding several roles gets the first of
 * service, analyst, staff; any other signed-in caller is a resident.
 */
export function callerTier(viewer: Viewer): CallerTier {
  if (isAnonymous(viewer)) return 'anonymous';
  if (hasRole(viewer, 'SERVICE')) return 'service';
  if (hasRole(viewer, 'ANALYST')) return 'analyst';
  if (isStaff(viewer)) return 'staff';
  return 'resident';
}
