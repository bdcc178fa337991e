import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root, from this file's location so it is right whatever the working directory. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Local state: database files and built binaries (`.data` is gitignored). A relative
 * CIVIC_DATA_DIR is taken from the project root, again so the working directory never matters.
 */
export const dataDir = resolve(projectRoot, process.env.CIVIC_DATA_DIR || '.data');
