/** One sample of a Prometheus text exposition: a series (name and labels) and its value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  contentType: string | null;
  samples: Sample[];
  /** The value of the series with exactly these labels; 0 when the series does not exist yet. */
  value(name: string, labels: Record<string, string>): number;
  /** Every label set the metric has, in the order exposed. */
  series(name: string): Record<string, string>[];
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** GET `/metrics` of a process, parsed. */
export async function scrapeMetrics(origin: string): Promise<Scrape> {
  const response = await fetch(`${origin}/metrics`);
  if (response.status !== 200) throw new Error(`${origin}/metrics answered ${response.status}`);
  const samples = parseExposition(await response.text());
  const sameLabels = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([key, value]) => a[key] === value);
  return {
    contentType: response.headers.get('content-type'),
    samples,
    value(name, labels) {
      return samples.find((sample) => sample.name === name && sameLabels(sample.labels, labels))?.value ?? 0;
    },
    series(name) {
      return samples.filter((sample) => sample.name === name).map((sample) => sample.labels);
    },
  };
}

function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`Not a sample line of the text exposition format: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = JSON.parse(`"${value!}"`) as string;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}
