/**
 * Turns values a client chooses (operation names, error codes a partner subgraph sends) into label
 * values of bounded cardinality: each cut to `maxLength` characters, and only the first
 * `maxDistinct` distinct values kept; later ones all become `overflow`. Without the bound, a
 * client sending random names would grow every histogram without limit.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxDistinct: number,
    private readonly maxLength: number,
    private readonly overflow: string,
  ) {}

  of(value: string): string {
    const cut = value.slice(0, this.maxLength);
    if (this.seen.has(cut)) return cut;
    if (this.seen.size >= this.maxDistinct) return this.overflow;
    this.seen.add(cut);
    return cut;
  }
}
