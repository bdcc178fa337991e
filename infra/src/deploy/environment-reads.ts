import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '@civic/dev-platform';

/** The folders whose code runs in each kind of process of a deployment. */
export const PROCESS_SOURCES = {
  gateway: ['gateway/src', 'shared/identity/src', 'shared/events/src', 'shared/telemetry/src'],
  subgraph: ['services/*/src', 'shared/service-kit/src', 'shared/identity/src', 'shared/events/src', 'shared/telemetry/src'],
  'router-coprocessor': ['gateway/src/router-coprocessor', 'shared/identity/src'],
} as const;
export type ProcessKind = keyof typeof PROCESS_SOURCES;

/** Read by libraries rather than by our code: OpenTelemetry's SDK reads its own variables, express NODE_ENV. */
const LIBRARY_VARIABLE = /^(OTEL_[A-Z_]+|NODE_ENV)$/;

/**
 * The environment variables a kind of process reads, found in its code: `process.env.X`,
 * `env.X`, `environment.X`, and the names the config readers pass as strings (`'PII_LOOKUP_KEY'`,
 * `minutesVariable: 'DEADLINE_SWEEP_MINUTES'`), plus the `SUBGRAPH_URL_` prefix the gateway matches.
 */
export async function variablesReadBy(kind: ProcessKind): Promise<{ names: Set<string>; prefixes: string[] }> {
  const names = new Set<string>();
  const prefixes: string[] = [];
  for (const file of await sourceFiles(PROCESS_SOURCES[kind])) {
    const code = await readFile(file, 'utf8');
    for (const match of code.matchAll(/\b(?:env|environment)(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) names.add(match[1]!);
    for (const match of code.matchAll(/'([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)'/g)) names.add(match[1]!);
    for (const match of code.matchAll(/\^([A-Z][A-Z0-9_]+_)\(/g)) prefixes.push(match[1]!);
  }
  return { names, prefixes };
}

export function isReadBy(reads: { names: Set<string>; prefixes: string[] }, variable: string): boolean {
  return reads.names.has(variable) || reads.prefixes.some((prefix) => variable.startsWith(prefix)) || LIBRARY_VARIABLE.test(variable);
}

async function sourceFiles(patterns: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const pattern of patterns) {
    const [base, rest] = pattern.split('/*/');
    if (rest === undefined) folders.push(join(projectRoot, pattern));
    else for (const entry of await readdir(join(projectRoot, base!))) folders.push(join(projectRoot, base!, entry, rest));
  }
  const files: string[] = [];
  for (const folder of folders) {
    for (const entry of await readdir(folder, { recursive: true })) {
      if (entry.endsWith('.ts') && !entry.includes('generated') && !entry.includes('seed')) files.push(join(folder, entry));
    }
  }
  return files;
}
