import { statedPurpose } from '@civic/identity';
import { purposeTooLong } from './gateway-errors.ts';

/** The purpose the caller's `x-civic-purpose` header states, or null; a purpose over the bound is refused (400). */
export function requestPurpose(header: string | string[] | null | undefined): string | null {
  const stated = statedPurpose(header);
  if ('tooLong' in stated) throw purposeTooLong();
  return stated.purpose;
}
