import { JwtService } from '@nestjs/jwt';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/support/desk-browser';
import { SECRET, startServer } from './ingest-bench';
import { escalations, postAll, yearOfContacts } from './page-bench-data';
import { fmt, summarise } from './stats';

/** DESIGN §10 asks nothing slower of a page than this, with 10,000 cases and a year of KPIs behind it. */
export const PAGE_GOAL_MS = 200;

const DAY_MS = 86_400_000;
const sign = (subject: string, role: string) =>
  new JwtService({ secret: SECRET }).sign({ roles: [role] }, { subject, algorithm: 'HS256', expiresIn: '6h' });
const localDate = (at: number) => new Date(at).toISOString().slice(0, 10);

const getJson = async <T>(url: string, token: string): Promise<T> => {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
};

/** Until every read model has caught up and every case is open: what a page reads is then all there. */
const settled = async (url: string, manager: string, supervisor: string, cases: number): Promise<void> => {
  for (;;) {
    const { items } = await getJson<{ items: { behind: number }[] }>(`${url}/v1/projections`, manager);
    let open = 0;
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await getJson<{ items: unknown[]; nextCursor?: string }>(
        `${url}/v1/cases?status=queued&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        supervisor,
      );
      open += page.items.length;
      cursor = page.nextCursor;
    }
    if (items.every((item) => item.behind === 0) && open >= cases) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

/**
 * Milliseconds from the start of the navigation (the page's time origin) to the first DOM change after which
 * `ready` holds: a MutationObserver installed before the page's own scripts run (through the DevTools
 * protocol, so the page's CSP needs no exception) notes the moment. No sleep, no polling interval in the figure.
 */
const timeToData = async (browser: Browser, url: string, ready: string, loads: number, tab: 'new' | 'same') => {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(`new MutationObserver((_, observer) => {
    if (!(${ready})()) return;
    window.__readyAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });`);
  const samples: number[] = [];
  const kept = tab === 'same' ? await context.newPage() : undefined;
  try {
    for (let round = 0; round <= loads; round += 1) {
      const page = kept ?? (await context.newPage());
      // In the same tab, by way of an empty page: a whole navigation (a new document), not a jump within the last one.
      if (kept) await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(() => (window as { __readyAt?: number }).__readyAt, undefined, {
        timeout: 120_000,
      });
      if (round > 0) samples.push((await handle.jsonValue()) as number); // the first load warms the server's and the browser's caches
      if (!kept) await page.close();
    }
  } finally {
    await context.close();
  }
  return summarise(samples);
};

export interface PageFigures {
  readonly name: string;
  /** Each load in a new tab: with what headless Chromium does for a new tab besides the page (its address-bar popup). */
  readonly newTab: { readonly p50: number; readonly p99: number };
  /** Each load a new navigation in one tab, as a reader moving between the desk's pages or reloading one. */
  readonly sameTab: { readonly p50: number; readonly p99: number };
}

/**
 * The example concept with service levels of a day: ten thousand cases that fall due during the measurement would
 * time the server's overflow of them (tens of thousands of events), not the pages.
 */
const conceptWithoutDueCases = (dir: string): string => {
  const file = join(dir, 'service-concept.yaml');
  const example = readFileSync(join(__dirname, '../../config/service-concept.yaml'), 'utf8');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, example.replace(/targetWaitSeconds: \d+/g, `targetWaitSeconds: ${DAY_MS / 1000}`));
  return file;
};

/** Starts the embedded app, fills it, and times each page in Chromium beside a page that fetches no data. */
export const pageLatency = async (dir: string, cases: number, contacts: number, loads: number, log: (line: string) => void) => {
  const server = await startServer(dir, { REGIE_CONCEPT_FILE: conceptWithoutDueCases(dir) });
  const browser = await launchChromium();
  try {
    const [channel, agent, supervisor, manager] = ['channel', 'agent', 'supervisor', 'manager'].map((role) => sign(`bench-${role}`, role));
    const now = Date.now();
    const seeding = performance.now();
    const marker = join(dir, 'seeded.json'); // --page-data <dir> keeps a seeded store between runs
    if (existsSync(marker)) {
      await settled(server.url, manager, supervisor, cases);
      log(`   reused the seeded store in ${dir}: caught up in ${fmt((performance.now() - seeding) / 1000)} s`);
    } else {
      const events =
        (await postAll(server.url, channel, yearOfContacts(contacts, now))) + (await postAll(server.url, channel, escalations(cases, now)));
      await settled(server.url, manager, supervisor, cases);
      writeFileSync(marker, JSON.stringify({ events, cases, contacts }));
      log(`   seeded ${fmt(events)} events (${fmt(cases)} cases open) in ${fmt((performance.now() - seeding) / 1000)} s`);
    }
    const year = `from=${localDate(now - 364 * DAY_MS)}&to=${localDate(now)}`;
    const dashboard = `() => document.querySelector('#dashboard[data-ready="true"] #kpi-overall tbody tr')
      && document.querySelector('#gap-matrix')`;
    const pages: readonly [string, string, string][] = [
      ['static page, no data (limit)', `${server.url}/agent`, `() => document.querySelector('main [role="alert"]')`],
      [
        '/agent (queue of open cases)',
        `${server.url}/agent#access_token=${agent}`,
        `() => document.querySelector('#queue-title ~ ul.cases li')`,
      ],
      [
        '/supervisor (queues per channel)',
        `${server.url}/supervisor#access_token=${supervisor}`,
        `() => Array.from(document.querySelectorAll('#queues tbody td:nth-of-type(1)')).some((cell) => cell.textContent.trim() !== '0')`,
      ],
      ['/manager, a year by month', `${server.url}/manager?${year}&granularity=month#access_token=${manager}`, dashboard],
      ['/manager, a year by day', `${server.url}/manager?${year}&granularity=day#access_token=${manager}`, dashboard],
    ];
    const figures: PageFigures[] = [];
    for (const [name, url, ready] of pages) {
      figures.push({
        name,
        newTab: await timeToData(browser, url, ready, loads, 'new'),
        sameTab: await timeToData(browser, url, ready, loads, 'same'),
      });
    }
    return figures;
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
};
