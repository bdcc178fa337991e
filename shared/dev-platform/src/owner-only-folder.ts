import { chmod, mkdir } from 'node:fs/promises';

/** Makes `path` (and its parents) a folder only its owner can read, even when it already existed. */
export async function ownerOnlyFolder(path: string): Promise<string> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
  return path;
}
