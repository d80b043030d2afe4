import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './server';

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  // Every page asks for reduced motion, as some users do: the console then opens dialogs and menus
  // without their zoom and slide animations, so a click never lands on a dialog still moving in.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form with the demo password the server printed. */
export async function signIn(page: Page, server: { url: string; password: string }, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(server.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
}

/**
 * One platform server (as `npm start` runs it) and one Chromium for a test file, started before
 * its tests and stopped after them. Read `env.server` / `env.browser` inside the tests.
 */
export function serverAndBrowser(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startServer(), launch()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
