import { idOf, notFound, parseId, readIsLogged } from '@civic/service-kit';
import type { Context } from '../context.ts';
import type { HouseholdDocument, ResidentDocument } from '../models/index.ts';
import { canSeeHouseholdAddress, canSeeResidentPii } from '../domain/pii.ts';
import type { PersonalDataField } from '@civic/events';

/** Lookups and checks that several resolvers share: load-or-refuse, PII visibility. */

export function residentPiiVisible(context: Context, resident: ResidentDocument): boolean {
  return canSeeResidentPii(context.viewer, { id: idOf(resident), organisationPath: resident.organisationPath });
}

export async function householdAddressVisible(context: Context, household: HouseholdDocument): Promise<boolean> {
  const own = context.viewer.residentId ? await context.loaders.resident.load(context.viewer.residentId) : null;
  return canSeeHouseholdAddress(context.viewer, own ? own.householdId.toHexString() : null, { id: idOf(household), organisationPath: household.organisationPath });
}

/** Logs an unmasked answer of a resident's sensitive field to anyone but the resident, and waits until it is stored. */
export async function logUnmaskedRead(context: Context, resident: ResidentDocument, field: PersonalDataField): Promise<void> {
  if (!readIsLogged(context.viewer, idOf(resident))) return;
  await context.loaders.accessLog({ residentId: idOf(resident), organisationPath: resident.organisationPath, field, at: context.clock.now() });
}

/** A household's room answered unmasked is each member's address: logged for each, unless the reader lives there. */
export async function logUnmaskedAddress(context: Context, household: HouseholdDocument): Promise<void> {
  const own = context.viewer.residentId ? await context.loaders.resident.load(context.viewer.residentId) : null;
  if (own?.householdId.equals(household._id)) return;
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

export async function loadHousehold(context: Context, field: string, id: string): Promise<HouseholdDocument> {
  parseId(field, id);
  const household = await context.loaders.household.load(id);
  if (!household) throw notFound('Household', id);
  return household;
}
