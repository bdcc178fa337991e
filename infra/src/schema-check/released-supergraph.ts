import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, SUPERGRAPH_OUTPUT_PATH } from '@civic/dev-platform';
import { parseIntendedChanges, withoutIntendedChanges, type IntendedChange } from './intended-changes.ts';

/** The supergraph clients were last promised: `npm run check -- --release` writes it. */
export const RELEASED_SUPERGRAPH_PATH = join(projectRoot, 'infra', 'released', 'supergraph.graphql');
/** The breaking changes since that release made on purpose, each with its reason. */
export const INTENDED_CHANGES_PATH = join(projectRoot, 'infra', 'schema-changes.yaml');

const run = promisify(execFile);

export function fromRoot(path: string): string {
  return relative(projectRoot, path);
}

export async function readReleasedSupergraph(path = RELEASED_SUPERGRAPH_PATH): Promise<string> {
  return readFile(path, 'utf8').catch(() => {
    throw new Error(`No released supergraph at ${fromRoot(path)}: \`npm run check -- --release\` makes the composed one the released one`);
  });
}

/** The composed supergraph committed at a git ref (a tag, a branch, a commit). */
export async function supergraphAtRef(ref: string): Promise<string> {
  const file = `${ref}:${fromRoot(SUPERGRAPH_OUTPUT_PATH)}`;
  try {
    const { stdout } = await run('git', ['show', file], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    throw new Error(`git cannot show ${file}: ${((error as { stderr?: string }).stderr ?? (error as Error).message).trim()}`);
  }
}

export async function readIntendedChanges(path = INTENDED_CHANGES_PATH): Promise<IntendedChange[]> {
  return parseIntendedChanges(await readFile(path, 'utf8'), fromRoot(path));
}

/** Makes `supergraphSdl` the released one and empties the intended changes, which it now contains. */
export async function release(supergraphSdl: string, paths = { released: RELEASED_SUPERGRAPH_PATH, intended: INTENDED_CHANGES_PATH }): Promise<void> {
  await mkdir(dirname(paths.released), { recursive: true });
  await writeFile(paths.released, supergraphSdl);
  await writeFile(paths.intended, withoutIntendedChanges(await readFile(paths.intended, 'utf8')));
}
