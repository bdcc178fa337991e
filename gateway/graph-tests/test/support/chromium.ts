import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** Debian's chromium, which playwright-core drives (no browser download of Playwright's own). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const run = promisify(execFile);
const apt = (...args: string[]) => run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });

/**
 * The browser for the explorer test, installed from Debian's packages where it is missing (CI is
 * a clean machine of this kind, run as root). The package lists are refreshed only when the
 * install cannot find the package. One test file drives a browser, so this runs once per run.
 */
export async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const install = () => apt('install', '-y', '--no-install-recommends', 'chromium');
  try {
    await install().catch(async () => {
      await apt('update');
      await install();
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? (error as Error).message;
    throw new Error(`The explorer test needs Debian's chromium at ${CHROMIUM_PATH} and could not install it with "apt-get install -y --no-install-recommends chromium" (as root): ${stderr}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}
