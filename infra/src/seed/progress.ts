import cliProgress from 'cli-progress';

/** Live progress of one step of the seed. */
export interface Progress {
  advance(count: number): void;
  done(): void;
}

const SILENT: Progress = { advance: () => {}, done: () => {} };

/**
 * A progress bar on stderr; off a terminal, a line every two seconds. `detail` says what the
 * numbers mean so far (a rate, the last index built), given the count done and the seconds taken.
 */
export function progressBar(enabled: boolean, label: string, total: number, detail: (done: number, seconds: number) => string): Progress {
  if (!enabled) return SILENT;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${label.padEnd(20)} {bar} {value}/{total}  {detail}  {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? value.toLocaleString('en-US') : String(value)),
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  const describe = () => detail(done, Math.max((Date.now() - started) / 1000, 0.001));
  bar.start(total, 0, { detail: describe() });
  return {
    advance(count) {
      done += count;
      bar.update(done, { detail: describe() });
    },
    done() {
      bar.update(done, { detail: describe() });
      bar.stop();
    },
  };
}

/** A collection's insert, with its rate. */
export function insertProgress(enabled: boolean, collection: string, total: number): Progress {
  return progressBar(enabled, collection, total, (done, seconds) => `${Math.round(done / seconds).toLocaleString('en-US')} docs/s`);
}
