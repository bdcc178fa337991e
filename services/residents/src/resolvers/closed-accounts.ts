import { isHexId } from '@civic/service-kit';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { isClosed } from '../domain/account-closure.ts';
import { accountClosed } from '../errors.ts';

type MutationField = (parent: unknown, args: unknown, context: Context, info: GraphQLResolveInfo) => unknown;

/** Refuses a caller whose token names a closed account: the token outlives the account, its rights do not. */
async function requireOpenAccount(context: Context): Promise<void> {
  const { residentId } = context.viewer;
  if (residentId === null || !isHexId(residentId)) return;
  const own = await context.loaders.resident.load(residentId);
  if (own && isClosed(own)) throw accountClosed();
}

/**
 * Every mutation, guarded against callers with a closed account, but those in `exempt`
 * (closeMyAccount answers a second closure as INVALID_TRANSITION itself).
 */
export function refusingClosedAccounts(mutations: MutationResolvers, exempt: readonly (keyof MutationResolvers)[]): MutationResolvers {
  const guarded = Object.entries(mutations).map(([name, resolve]) => {
    if (exempt.includes(name as keyof MutationResolvers)) return [name, resolve];
    const field = resolve as MutationField;
    const withGuard: MutationField = async (parent, args, context, info) => {
      await requireOpenAccount(context);
      return field(parent, args, context, info);
    };
    return [name, withGuard];
  });
  return Object.fromEntries(guarded) as MutationResolvers;
}
