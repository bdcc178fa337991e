/** How the report writes its figures: milliseconds, ratios, command counts, memory. */

/** `residents 2, organisations 3`: what one request cost each subgraph's database. */
export function formatCommands(commands: Record<string, number>): string {
  const entries = Object.entries(commands);
  return entries.length === 0 ? 'none' : entries.map(([subgraph, count]) => `${subgraph} ${count}`).join(', ');
}

export function formatMs(ms: number): string {
  return ms.toFixed(1);
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

export function formatMebibytes(bytes: number | null): string {
  return bytes === null ? 'n/a' : (bytes / 1024 / 1024).toFixed(1);
}
