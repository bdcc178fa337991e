import { idOf, notFound, parseId, readIsLogged, readsPersonalFacts } from '@civic/service-kit';
import type { PersonalDataField } from '@civic/events';
import type { Context } from '../context.ts';
import type { HouseholdDocument, ResidentDocument } from '../models/index.ts';
import { canSeeHouseholdAddress } from '../domain/pii.ts';
import { requireOpen } from '../domain/account-closure.ts';

/**
 * Lookups and checks that several resolvers share: load-or-refuse, who reads a resident's facts and
 * a household in full, and the access log of what they read unmasked.
 */

export function residentFactsReadable(context: Context, resident: ResidentDocument): boolean {
  return readsPersonalFacts(context.viewer, { id: idOf(resident), organisationPath: resident.organisationPath });
}

async function viewersHouseholdId(context: Context): Promise<string | null> {
  const own = context.viewer.residentId ? await context.loaders.resident.load(context.viewer.residentId) : null;
  return own?.householdId ? own.householdId.toHexString() : null;
}

export async function householdReadableInFull(context: Context, household: HouseholdDocument): Promise<boolean> {
  return canSeeHouseholdAddress(context.viewer, await viewersHouseholdId(context), { id: idOf(household), organisationPath: household.organisationPath });
}

/** Logs an unmasked answer of a resident's sensitive field to anyone but the resident, and waits until it is stored. */
export async function logUnmaskedRead(context: Context, resident: ResidentDocument, field: PersonalDataField): Promise<void> {
  if (!readIsLogged(context.viewer, idOf(resident))) return;
  await context.loaders.accessLog({ residentId: idOf(resident), organisationPath: resident.organisationPath, field, at: context.clock.now() });
}

/** A household's room answered unmasked is each member's address: logged for each, unless the reader lives there. */
export async function logUnmaskedAddress(context: Context, household: HouseholdDocument): Promise<void> {
  if ((await viewersHouseholdId(context)) === idOf(household)) return;
  const members = await context.loaders.residentsByHousehold.load(idOf(household));
  await Promise.all(members.map((member) => logUnmaskedRead(context, member, 'ADDRESS')));
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
