/** Contact data as people in China write it. */

// Mobile (11 digits starting with 1) or landline with area code (e.g. 025-84561234), or a
// service hotline such as 12345 or 96345.
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{5})$/;

/** Phones are stored without spaces, which people often type inside numbers; null when not a phone number. */
export function normalisedPhone(value: string): string | null {
  const phone = value.replace(/\s+/g, '');
  return PHONE.test(phone) ? phone : null;
}
