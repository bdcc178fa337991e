/** Escapes a user's text for use inside a regular expression (name prefixes). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
