import { Faker, base, zh_CN } from '@faker-js/faker';

/** A `[min, max]` range, both included. */
export type Range = readonly [min: number, max: number];

/** cyrb128: 128 bits of PRNG state from a text label, so that streams are named, not numbered. */
function stateFrom(label: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < label.length; index++) {
    const code = label.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/**
 * A seeded pseudo-random stream (sfc32). Each part of the data draws from its own named fork
 * (`random.fork('community:0:3')`), so adding a draw in one part leaves every other part as it was.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private fakerInstance: Faker | undefined;

  constructor(readonly label: string) {
    [this.a, this.b, this.c, this.d] = stateFrom(label);
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An integer within a `[min, max]` range. */
  within(range: Range): number {
    return this.int(range[0], range[1]);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [value, weight] of choices) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  /** `count` different items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** `length` decimal digits, leading zeros kept. */
  digits(length: number): string {
    let text = '';
    for (let index = 0; index < length; index++) text += String(Math.floor(this.next() * 10));
    return text;
  }

  /** An independent stream named below this one. */
  fork(label: string): Random {
    return new Random(`${this.label}/${label}`);
  }

  /** Faker's zh_CN data, drawing from this stream. */
  get faker(): Faker {
    this.fakerInstance ??= new Faker({ locale: [zh_CN, base], randomizer: { next: () => this.next(), seed: () => {} } });
    return this.fakerInstance;
  }
}
