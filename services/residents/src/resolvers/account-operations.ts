import { MANAGER_ROLES, requireResident, requireSignedIn, requireStaffCovering } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { requireClosureConfirmed, requireOpen } from '../domain/account-closure.ts';
import { closeAccount } from '../persistence/account-closure.ts';
import { closeAccountOutOfScope, closeMyAccountWithoutResident } from '../errors.ts';
import { loadResident } from './access.ts';

/**
 * Who may close an account: the resident themself (closeMyAccount, with the confirmation phrase),
 * and community workers, street and district admins whose scope covers where the resident lives
 * (closeResidentAccount: a resident who moved away or died). Closing twice is INVALID_TRANSITION.
 */
export const accountMutations: MutationResolvers = {
  closeMyAccount: async (_parent, { confirm }, context) => {
    requireSignedIn(context.viewer);
    const residentId = requireResident(context.viewer, closeMyAccountWithoutResident);
    requireClosureConfirmed(confirm);
    const resident = await loadResident(context, 'residentId', residentId.toHexString());
    requireOpen(resident, 'CLOSE');
    return closeAccount(context.models, resident._id, 'OWN_REQUEST', context.clock.now());
  },

  closeResidentAccount: async (_parent, { residentId, reason }, context) => {
    requireSignedIn(context.viewer);
    const resident = await loadResident(context, 'residentId', residentId);
    requireStaffCovering(context.viewer, resident.organisationPath, closeAccountOutOfScope, MANAGER_ROLES);
    requireOpen(resident, 'CLOSE');
    return closeAccount(context.models, resident._id, reason, context.clock.now());
  },
};
