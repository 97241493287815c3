import { readFileSync } from 'node:fs';
import { TestClock } from '@regie/eventsourcing/testing';
import { DAY1, DAY2, seedKpiDataset, startHarness, type RegieHarness } from '@regie/testing';
import type { Browser, Page } from 'playwright-core';
import { formatValue, STATUS_SYMBOLS } from '../../libs/web-desk/src/browser/manager/kpi-format';
import {
  CHANNEL_KPIS,
  OVERALL_KPIS,
  type KpiFigure,
  type KpiName,
  type KpiReport,
  hasChannels,
} from '../../libs/web-desk/src/browser/manager/kpi-types';
import { defaultFilter } from '../../libs/web-desk/src/browser/manager/period';
import { managerNl } from '../../libs/web-desk/src/browser/manager/texts-nl';
import { axeViolations, launchChromium, openDesk, screenshot } from './support/desk-browser';

jest.setTimeout(90_000);

interface ShownCell {
  readonly kpi?: string;
  readonly period?: string;
  readonly channel?: string;
  readonly need?: string;
  readonly status?: string;
  readonly verdict?: string;
  readonly text: string;
}

/** What the page shows in a table's figure cells, with the data attributes that name each figure. */
const shownCells = (page: Page, selector: string): Promise<ShownCell[]> =>
  page
    .locator(selector)
    .evaluateAll((cells) =>
      cells.map((cell) => ({ ...(cell as HTMLElement).dataset, text: (cell as HTMLElement).innerText.replace(/\s+/g, ' ') })),
    );

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A cell as the API's figure says it must read: its value, status symbol and word first, then its n; the status attribute too. */
const expected = (kpi: KpiName, figure: KpiFigure, where: { period: string; channel?: string; layer?: string }) => {
  const head = `${formatValue(kpi, figure.value, 'nl')} ${STATUS_SYMBOLS[figure.status]} ${managerNl[`status.${figure.status}`]}`;
  return expect.objectContaining({
    kpi,
    ...where,
    status: figure.status,
    text: expect.stringMatching(new RegExp(`^${escaped(head)} .*n = ${figure.n}( ·|$)`)),
  });
};

describe('The service manager’s dashboard in Chromium', () => {
  let regie: RegieHarness;
  let browser: Browser;
  let manager: string;

  const api = <T>(path: string): Promise<T> =>
    regie.http
      .get(path)
      .set('Authorization', `Bearer ${manager}`)
      .expect(200)
      .then((response) => response.body as T);

  beforeAll(async () => {
    [regie, browser] = await Promise.all([startHarness({ clock: new TestClock(new Date(`${DAY2}T11:00:00Z`)) }), launchChromium()]);
    manager = await regie.token('mgr-1', 'manager');
    await seedKpiDataset(regie);
  });
  afterAll(async () => {
    await browser?.close();
    await regie?.stop();
  });

  /** Waits until the dashboard shows the figures of the rows named, having loaded them afresh. */
  const showing = async (page: Page, periods: readonly string[]) => {
    await page.waitForFunction(
      (labels) =>
        document.querySelector('#dashboard')?.getAttribute('data-ready') === 'true' &&
        Array.from(document.querySelectorAll('#kpi-overall tbody th'))
          .map((th) => th.textContent?.split(' ')[0])
          .join() === labels.join(),
      periods,
    );
  };

  const expectOverall = async (page: Page, report: KpiReport) =>
    expect(await shownCells(page, '#kpi-overall td[data-kpi]')).toEqual(
      report.periods.flatMap((period) => OVERALL_KPIS.map((kpi) => expected(kpi, period.kpis[kpi], { period: period.label }))),
    );

  /** The channel table of a period: the page fetches the channels of a period other than the last when it is chosen. */
  const expectChannels = async (page: Page, report: KpiReport, label: string) => {
    const period = report.periods.find((candidate) => candidate.label === label)!;
    if (!hasChannels(period)) throw new Error(`the API left out the channels of ${label}`);
    await page.locator(`#kpi-channels td[data-period="${label}"]`).first().waitFor();
    const shown = await shownCells(page, '#kpi-channels td[data-kpi]');
    expect(shown.every((cell) => cell.period === label)).toBe(true);
    expect(shown).toHaveLength(Object.keys(period.kpis.byChannel).length * CHANNEL_KPIS.length);
    expect(shown).toEqual(
      expect.arrayContaining(
        Object.entries(period.kpis.byChannel).flatMap(([channel, figures]) =>
          CHANNEL_KPIS.map((kpi) => expected(kpi, figures[kpi], { period: label, channel })),
        ),
      ),
    );
    for (const [channel, figures] of Object.entries(period.kpis.byChannel)) {
      for (const kpi of CHANNEL_KPIS) {
        const cell = shown.find((candidate) => candidate.channel === channel && candidate.kpi === kpi)!;
        expect(cell.text).toContain(`n = ${figures[kpi].n}`);
      }
    }
  };

  it('shows the same figures, gaps and CSV as the API for the filter chosen, and follows the filter', async () => {
    const { page, errors } = await openDesk(browser, `${regie.url}/manager#access_token=${manager}`);
    // The default: the last four weeks, by week (no figures in the seeded March yet).
    const initial = defaultFilter(new Date());
    await page.locator('#dashboard[data-ready="true"]').waitFor();
    expect(await page.getByLabel('Van', { exact: true }).inputValue()).toBe(initial.from);
    expect(await page.getByLabel('Tot en met', { exact: true }).inputValue()).toBe(initial.to);
    expect(await page.getByLabel('Per', { exact: true }).inputValue()).toBe('week');

    // By day over the seeded fortnight, submitted from the keyboard.
    await page.getByLabel('Van', { exact: true }).fill(DAY1);
    await page.getByLabel('Tot en met', { exact: true }).fill(DAY2);
    await page.getByLabel('Per', { exact: true }).selectOption('day');
    await page.getByLabel('Tot en met', { exact: true }).press('Enter');
    await showing(page, [DAY1, DAY2]);
    const daily = await api<KpiReport>(`/v1/kpis?from=${DAY1}&to=${DAY2}&granularity=day`);
    await expectOverall(page, daily);
    await expectChannels(page, daily, DAY2);
    await page.getByLabel('Periode van de kanaal- en laagtabellen').selectOption(DAY1);
    await expectChannels(page, daily, DAY1);
    // The pyramid, most personal on top, in the concept's own words, each layer's figures as the API gives them.
    expect(await page.locator('#kpi-pyramid tbody th').allInnerTexts()).toEqual([
      'Persoonlijke service',
      'Beeldbellen',
      'Balie op afspraak',
      'Klantenservice',
      'Chat met een medewerker',
      'Telefoon 14 0xx',
      'Contactformulier en e-mail',
      'Zelfbediening',
      'Website en Mijn Voorbeeld',
      'App',
      'Digitale assistent',
    ]);
    const layers = daily.periods[0].kpis.byLayer;
    expect(await shownCells(page, '#kpi-pyramid td[data-layer]')).toEqual(
      ['personal', 'assisted', 'self-service'].flatMap((layer) => [
        expected('contacts', layers[layer].contacts, { period: DAY1, layer }),
        expected('share', layers[layer].share, { period: DAY1, layer }),
      ]),
    );

    // The gap analysis: every channel × need as the API judges it.
    const gap = await api<{
      items: { channel: string; need: string; declared: boolean; measured: { value: number | null; n: number }; verdict: string }[];
    }>(`/v1/gap-analysis?from=${DAY1}&to=${DAY2}`);
    const matrix = await shownCells(page, '#gap-matrix td[data-need]');
    expect(matrix).toHaveLength(gap.items.length);
    for (const item of gap.items) {
      const cell = matrix.find((candidate) => candidate.channel === item.channel && candidate.need === item.need)!;
      expect(cell.verdict).toBe(item.verdict);
      expect(cell.text).toContain(managerNl[`verdict.${item.verdict as 'gap'}`]);
      expect(cell.text).toContain(`Toegezegd: ${item.declared ? 'ja' : 'nee'}`);
      expect(cell.text).toContain(`(n = ${item.measured.n})`);
    }
    expect(matrix.find((cell) => cell.channel === 'phone' && cell.need === 'clear-information')?.text).toMatch(
      /✗ gat Toegezegd: ja Gemeten: 33,3 \(n = 1\)/,
    );
    expect(await page.locator('#gap-matrix thead th').allInnerTexts()).toContain('Persoonlijk contact');
    // The charts are drawn after the tables have been painted.
    await page.locator('figure.chart canvas').nth(3).waitFor();
    expect(await page.locator('figure.chart canvas').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'manager-by-day');

    // The whole range: figures worked out by hand in kpis.e2e, as the page writes them.
    await page.getByLabel('Per', { exact: true }).selectOption('total');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await showing(page, [`${DAY1}/${DAY2}`]);
    const total = await api<KpiReport>(`/v1/kpis?from=${DAY1}&to=${DAY2}&granularity=total`);
    await expectOverall(page, total);
    const overall = await shownCells(page, '#kpi-overall td[data-kpi]');
    expect(overall.find((cell) => cell.kpi === 'csat')?.text).toBe('7,5 ✓ gehaald norm ≥ 7 · n = 2');
    expect(overall.find((cell) => cell.kpi === 'fcr')?.text).toBe('55,6% ✗ niet gehaald norm ≥ 70% · n = 9');
    expect(overall.find((cell) => cell.kpi === 'csi')?.text).toBe('56,7 ✗ niet gehaald norm ≥ 70 · n = 2');

    // One channel: the channel table narrows to it, and the CSV download holds what the API gives for the same query.
    await page.getByLabel('Kanaal', { exact: true }).selectOption('phone');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.locator('#kpi-channels tbody tr').nth(1).waitFor({ state: 'detached' });
    await showing(page, [`${DAY1}/${DAY2}`]);
    const phone = await api<KpiReport>(`/v1/kpis?from=${DAY1}&to=${DAY2}&granularity=total&channel=phone`);
    await expectChannels(page, phone, `${DAY1}/${DAY2}`);
    expect((await shownCells(page, '#kpi-channels td[data-kpi="aht"]'))[0].text).toBe('3 min 40 s ✓ gehaald norm ≤ 5 min 0 s · n = 3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe(`kpis-${DAY1}-${DAY2}-total.csv`);
    const csv = await regie.http
      .get(`/v1/kpis?from=${DAY1}&to=${DAY2}&granularity=total&channel=phone`)
      .set({ Authorization: `Bearer ${manager}`, Accept: 'text/csv' })
      .expect(200);
    expect(readFileSync(await download.path(), 'utf8')).toBe(csv.text);
    await page.getByText(`CSV-bestand kpis-${DAY1}-${DAY2}-total.csv gedownload.`).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'manager');
    expect(errors).toEqual([]);
  });

  it('shows the latest 31 periods of a long range, and all of them when asked, from the keyboard', async () => {
    const from = '2026-01-23'; // 40 days up to DAY2
    const { page, errors } = await openDesk(
      browser,
      `${regie.url}/manager?from=${from}&to=${DAY2}&granularity=day#access_token=${manager}`,
    );
    const daily = await api<KpiReport>(`/v1/kpis?from=${from}&to=${DAY2}&granularity=day`);
    expect(daily.periods).toHaveLength(40);
    const labels = daily.periods.map((period) => period.label);
    await showing(page, labels.slice(9));
    await expectOverall(page, { ...daily, periods: daily.periods.slice(9) });
    await page.getByText('De laatste 31 van de 40 periodes; de grafieken en de CSV hebben ze alle.').waitFor();
    const offered = page.getByLabel('Periode van de kanaal- en laagtabellen').locator('option');
    expect(await offered.allInnerTexts()).toEqual(labels.slice(9));
    const more = page.getByRole('button', { name: 'Alle 40 periodes tonen' });
    await more.focus();
    await page.keyboard.press('Enter');
    await showing(page, labels);
    await expectOverall(page, daily);
    expect(await offered.allInnerTexts()).toEqual(labels);
    await page.getByRole('button', { name: 'Alleen de laatste 31 periodes tonen' }).press('Enter');
    await showing(page, labels.slice(9));
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
