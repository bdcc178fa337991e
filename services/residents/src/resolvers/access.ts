import { idOf, notFound, parseId, readsPersonalFacts } from '@civic/service-kit';
import type { Context } from '../context.ts';
import type { HouseholdDocument, ResidentDocument } from '../models/index.ts';
import { canSeeHouseholdAddress } from '../domain/pii.ts';
import { requireOpen } from '../domain/account-closure.ts';

/** Lookups and checks that several resolvers share: load-or-refuse, who reads a resident's facts and a household in full. */

export function residentFactsReadable(context: Context, resident: ResidentDocument): boolean {
  return readsPersonalFacts(context.viewer, { id: idOf(resident), organisationPath: resident.organisationPath });
}

export async function householdReadableInFull(context: Context, household: HouseholdDocument): Promise<boolean> {
  const own = context.viewer.residentId ? await context.loaders.resident.load(context.viewer.residentId) : null;
  return canSeeHouseholdAddress(context.viewer, own?.householdId ? own.householdId.toHexString() : null, { id: idOf(household), organisationPath: household.organisationPath });
}

/** The resident named by an argument, or NOT_FOUND; the id is checked first (BAD_USER_INPUT). */
export async function loadResident(context: Context, field: string, id: string): Promise<ResidentDocument> {
  parseId(field, id);
  const resident = await context.loaders.resident.load(id);
  if (!resident) throw notFound('Resident', id);
  return resident;
}

/** The resident a write acts on: as loadResident, and INVALID_TRANSITION for a closed account (`action` names the write). */
export async function loadOpenResident(context: Context, field: string, id: string, action: string): Promise<ResidentDocument> {
  const resident = await loadResident(context, field, id);
  requireOpen(resident, action);
  return resident;
}

export async function loadHousehold(context: Context, field: string, id: string): Promise<HouseholdDocument> {
  parseId(field, id);
  const household = await context.loaders.household.load(id);
  if (!household) throw notFound('Household', id);
  return household;
}
