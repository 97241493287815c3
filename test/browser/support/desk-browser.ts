import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { source as axeSource } from 'axe-core';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium: no browser download, the same binary on developers' machines and in CI (.ci/run installs it). */
export const CHROMIUM = process.env.REGIE_CHROMIUM ?? '/usr/bin/chromium';

export const SCREENSHOTS = join(process.env.REGIE_TEST_OUTPUT ?? join(__dirname, '..', '..', '..', 'test-output'), 'screenshots');

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set REGIE_CHROMIUM`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
};

export interface DeskPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, a CSP refusal among them. */
  readonly errors: string[];
}

/** A fresh browser context (its own sessionStorage) in the given language. */
export const openDesk = async (browser: Browser, url: string, locale = 'nl-NL'): Promise<DeskPage> => {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
};

/**
 * Runs axe-core (WCAG 2.1 A and AA rules and best practices) in the page. Evaluated through the
 * DevTools protocol, so the page's CSP (no inline script) needs no exception for the test.
 */
export const axeViolations = async (page: Page, minimum: readonly string[] = ['serious', 'critical']) => {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations
    .filter((violation) => minimum.includes(violation.impact ?? ''))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};
