import { hasRole, type Viewer } from '@civic/identity';
import { staffCovers, type OrganisationPath } from '@civic/service-kit';

/**
 * What a viewer who may not read a resident's personal facts (the kit's `readsPersonalFacts`) sees
 * of the PII instead (full name, phone, ID number), and who reads a household in full.
 */

/**
 * A household in full (its room, the exact address, and its members): for the people who live there (`viewerHouseholdId` is the
 * household of the viewer's own resident record), staff whose scope covers it, and services.
 */
export function canSeeHouseholdAddress(
  viewer: Viewer,
  viewerHouseholdId: string | null,
  household: { id: string; organisationPath: OrganisationPath },
): boolean {
  if (hasRole(viewer, 'SERVICE')) return true;
  if (viewerHouseholdId !== null && viewerHouseholdId === household.id) return true;
  return staffCovers(viewer, household.organisationPath);
}

// Two-character surnames, so that 欧阳娜娜 masks as 欧阳** and not as 欧***.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐',
  '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里',
]);

/** Surname and one `*` for every remaining character: 赵小明 → 赵**. Separators stay. */
export function maskName(name: string): string {
  const characters = Array.from(name);
  const surnameLength = characters.length > 2 && COMPOUND_SURNAMES.has(characters.slice(0, 2).join('')) ? 2 : 1;
  return characters.map((character, index) => (index < surnameLength || /[·\s'-]/.test(character) ? character : '*')).join('');
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 110101199003070012 → 110***********0012. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 3)}${'*'.repeat(Math.max(idNumber.length - 7, 0))}${idNumber.slice(-4)}`;
}
