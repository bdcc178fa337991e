import cliProgress from 'cli-progress';

/** Live progress of one collection's insert. */
export interface CollectionProgress {
  advance(count: number): void;
  done(): void;
}

/** The bars of the collections being inserted, side by side. */
export interface InsertProgress {
  collection(label: string, total: number): CollectionProgress;
  /** Stops drawing; call once every insert is done or has failed. */
  stop(): void;
}

const SILENT_COLLECTION: CollectionProgress = { advance: () => {}, done: () => {} };
const SILENT: InsertProgress = { collection: () => SILENT_COLLECTION, stop: () => {} };

/**
 * A progress bar with the insert rate (docs/s) on stderr for each collection being inserted, one
 * line each, gone when its collection is done; off a terminal, the lines every two seconds.
 */
export function insertProgress(enabled: boolean): InsertProgress {
  if (!enabled) return SILENT;
  const bars = new cliProgress.MultiBar(
    {
      format: '  {label} {bar} {value}/{total}  {rate} docs/s  {duration_formatted}',
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? value.toLocaleString('en-US') : String(value)),
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    collection(label, total) {
      const started = Date.now();
      let inserted = 0;
      const rate = () => Math.round(inserted / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en-US');
      const bar = bars.create(total, 0, { label: label.padEnd(20), rate: '0' });
      return {
        advance(count) {
          inserted += count;
          bar.update(inserted, { rate: rate() });
        },
        done() {
          bars.remove(bar);
        },
      };
    },
    stop: () => bars.stop(),
  };
}
