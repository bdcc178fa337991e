import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '@civic/dev-platform';
import { createPartnerSubgraph } from '../../../src/partners/create-partner-subgraph.ts';

export interface GeneratedPartner {
  /** The package's folder. */
  dir: string;
  remove(): Promise<void>;
}

/**
 * A partner subgraph generated into a temporary folder, outside the repository, whose dependencies
 * resolve from the repository's node_modules (linked beside it) instead of an install.
 */
export async function generatedPartner(name: string): Promise<GeneratedPartner> {
  const into = await mkdtemp(join(tmpdir(), 'civic-partner-'));
  await symlink(join(projectRoot, 'node_modules'), join(into, 'node_modules'), 'dir');
  const dir = await createPartnerSubgraph(name, { into });
  return { dir, remove: () => rm(into, { recursive: true, force: true }) };
}

/** Runs a package's tool in `dir` on this Node, as its npm script would; its output, or a failure with it. */
export async function runIn(dir: string, script: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [join(projectRoot, 'node_modules', script), ...args], { cwd: dir, maxBuffer: 10_000_000 });
}
