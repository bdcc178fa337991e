import { statedPurpose } from '@civic/identity';
import { purposeNotPercentEncoded, purposeTooLong } from './gateway-errors.ts';

/** The purpose the caller's `x-civic-purpose` header states, or null; a header past the bound or badly encoded is refused (400). */
export function requestPurpose(header: string | string[] | null | undefined): string | null {
  const stated = statedPurpose(header);
  if ('refused' in stated) throw stated.refused === 'too-long' ? purposeTooLong() : purposeNotPercentEncoded();
  return stated.purpose;
}
