import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the real-browser tests run: always in CI (where a missing browser must fail them, loudly),
 * elsewhere only when Chromium is installed.
 */
export const RUN_IN_BROWSER = process.env.CI === 'true' || existsSync(CHROMIUM);

/** A headless Chromium with a fresh profile; `close()` ends it and removes the profile. */
export interface Browser {
  readonly page: Page;
  /** What the page printed to its console and the errors it did not catch, for failure messages. */
  readonly console: string[];
  close(): Promise<void>;
}

/** Launches Chromium on a fresh profile, nothing reaching outside the machine. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (as .ci/run does)`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const opened = context;
  const page = opened.pages()[0] ?? (await opened.newPage());
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
  return {
    page,
    console,
    async close() {
      await opened.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
