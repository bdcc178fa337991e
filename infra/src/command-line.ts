import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isScale, SCALES, type Scale } from './seed/plan.ts';

/** Flag handling the project's commands share: a usage error exits 2, `--help` prints the usage. */
export type FlagValues = Record<string, string | boolean | undefined>;

export function parseCommandLine(
  command: string,
  usage: string,
  options: NonNullable<ParseArgsConfig['options']>,
  { allowPositionals = false } = {},
): { values: FlagValues; positionals: string[]; usageError: (message: string) => never } {
  const usageError = (message: string): never => {
    console.error(`${command}: ${message}\n${usage}`);
    process.exit(2);
  };
  let values: FlagValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } }, strict: true, allowPositionals }) as { values: FlagValues; positionals: string[] });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return { values, positionals, usageError };
}

export function scaleFlag(value: unknown, usageError: (message: string) => never): Scale {
  if (typeof value !== 'string' || !isScale(value)) return usageError(`--scale must be one of ${SCALES.join(', ')}, not "${String(value)}"`);
  return value;
}

export function uriFlag(value: unknown, usageError: (message: string) => never): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^mongodb(\+srv)?:\/\//.test(value)) return usageError(`--uri must start with mongodb:// or mongodb+srv://, not "${String(value)}"`);
  return value;
}
