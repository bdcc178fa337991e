import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot, readSupergraphConfig, SUPERGRAPH_CONFIG_PATH, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { entityKeys } from './entity-keys.ts';
import { partnerName, PartnerNameError, type PartnerName } from './partner-name.ts';

/** The template's files, each ending in `.tmpl`, with `{{name}}`, `{{Pascal}}`, `{{camel}}` and `{{entityKeys}}` to fill. */
export const PARTNER_TEMPLATE_DIR = fileURLToPath(new URL('../../partner-template', import.meta.url));
const TEMPLATE_SUFFIX = '.tmpl';

// What the package depends on, at the versions this repository pins and tests it with.
const DEPENDENCIES = ['@apollo/server', '@apollo/subgraph', 'graphql'];
const DEV_DEPENDENCIES = ['@types/node', 'jose', 'typescript', 'vitest'];

export interface CreatePartnerOptions {
  /** The folder the package is created in, as `<into>/<name>`. */
  into: string;
  /** The supergraph config whose subgraph names are taken; the repository's by default. */
  configPath?: string;
  /** The composed supergraph whose entities the README lists; the repository's by default. */
  supergraphPath?: string;
}

/** Creates `<into>/<name>`: a standalone partner subgraph package from the template. Returns its folder. */
export async function createPartnerSubgraph(candidate: string, options: CreatePartnerOptions): Promise<string> {
  const taken = (await readSupergraphConfig(options.configPath ?? SUPERGRAPH_CONFIG_PATH)).map((subgraph) => subgraph.name);
  const name = partnerName(candidate, taken);
  const target = join(options.into, name.name);
  if (existsSync(target)) throw new PartnerNameError(`${target} already exists; choose another name or remove it`);

  const values = {
    name: name.name,
    Pascal: name.pascal,
    camel: name.camel,
    entityKeys: entityList(await readFile(options.supergraphPath ?? SUPERGRAPH_OUTPUT_PATH, 'utf8')),
  };
  // Written beside the target and renamed into place, so a failure leaves no half-made package.
  const staging = `${target}.partial-${process.pid}`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await cp(PARTNER_TEMPLATE_DIR, staging, { recursive: true });
    for (const file of await templateFiles(staging)) {
      await writeFile(file.slice(0, -TEMPLATE_SUFFIX.length), fill(await readFile(file, 'utf8'), values));
      await rm(file);
    }
    await writeFile(join(staging, 'package.json'), `${JSON.stringify(await packageJson(name), null, 2)}\n`);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return target;
}

async function templateFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(TEMPLATE_SUFFIX)).map((entry) => join(entry.parentPath, entry.name));
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, key: string) => {
    if (!(key in values)) throw new Error(`The partner template names an unknown value ${placeholder}`);
    return values[key]!;
  });
}

function entityList(supergraphSdl: string): string {
  return entityKeys(supergraphSdl)
    .map(({ type, keys }) => `- \`${type}\`: ${keys.map((key) => `\`@key(fields: "${key}")\``).join(', ')}`)
    .join('\n');
}

async function packageJson(name: PartnerName): Promise<Record<string, unknown>> {
  const identity = await versionOf(join(projectRoot, 'shared', 'subgraph-identity'));
  return {
    name: `${name.name}-subgraph`,
    version: '0.1.0',
    private: true,
    description: `${name.name}: a partner subgraph of the civic graph`,
    type: 'module',
    engines: { node: '>=24.11.0' },
    scripts: { start: 'node src/main.ts', test: 'vitest run', typecheck: 'tsc -p tsconfig.json' },
    dependencies: { ...(await pinned(DEPENDENCIES)), '@civic/subgraph-identity': identity },
    devDependencies: await pinned(DEV_DEPENDENCIES),
  };
}

async function pinned(packages: readonly string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(packages.map(async (pkg) => [pkg, await versionOf(join(projectRoot, 'node_modules', pkg))] as const));
  return Object.fromEntries(entries);
}

async function versionOf(packageDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

