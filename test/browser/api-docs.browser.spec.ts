import { startHarness, type RegieHarness } from '@regie/testing';
import type { Browser } from 'playwright-core';
import { launchChromium, openDesk, screenshot } from './support/desk-browser';

jest.setTimeout(60_000);

/** Swagger UI at /docs, under a Content-Security-Policy with no inline script: it must render and call the API. */
describe('The API docs page in Chromium', () => {
  let regie: RegieHarness;
  let browser: Browser;

  beforeAll(async () => {
    [regie, browser] = await Promise.all([startHarness(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('renders every route of /openapi.json with no CSP refusal, and "Try it out" calls the API', async () => {
    const { page, errors } = await openDesk(browser, `${regie.url}/docs`, 'en-GB');
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
      ),
    );

    await page.getByText('Ingest interaction events (CloudEvents), one or a batch; idempotent per (source, id)').waitFor();
    const documented = (await regie.http.get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(documented.paths).reduce((count, item) => count + Object.keys(item).length, 0);
    expect(await page.locator('.opblock').count()).toBe(operations);

    const health = page.locator('#operations-health-HealthController_check');
    await health.locator('.opblock-summary').click();
    await health.getByRole('button', { name: 'Try it out' }).click();
    await health.getByRole('button', { name: 'Execute' }).click();
    await health.locator('.live-responses-table .response-col_status').filter({ hasText: '200' }).first().waitFor();
    await screenshot(page, 'api-docs');

    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
  });
});
