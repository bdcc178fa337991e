/** Optional text: null when absent or blank. */
export function optionalText(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}
