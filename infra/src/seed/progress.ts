import cliProgress from 'cli-progress';

/** Live progress of one collection's insert. */
export interface CollectionProgress {
  advance(count: number): void;
  done(): void;
}

const SILENT: CollectionProgress = { advance: () => {}, done: () => {} };

/** A progress bar with the insert rate (docs/s) on stderr; off a terminal, a line every two seconds. */
export function collectionProgress(enabled: boolean, label: string, total: number): CollectionProgress {
  if (!enabled) return SILENT;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${label.padEnd(20)} {bar} {value}/{total}  {rate} docs/s  {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? value.toLocaleString('en-US') : String(value)),
    },
    cliProgress.Presets.shades_classic,
  );
  let inserted = 0;
  const rate = () => Math.round(inserted / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en-US');
  bar.start(total, 0, { rate: '0' });
  return {
    advance(count) {
      inserted += count;
      bar.update(inserted, { rate: rate() });
    },
    done() {
      bar.update(inserted, { rate: rate() });
      bar.stop();
    },
  };
}
