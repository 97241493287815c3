import { TokenVerifier } from '@regie/auth';
import { startHarness, type RegieHarness } from '@regie/testing';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openDesk, screenshot } from './support/desk-browser';

jest.setTimeout(60_000);

describe('Signing in to the web desk, languages and the page policy', () => {
  let regie: RegieHarness;
  let browser: Browser;

  beforeAll(async () => {
    [regie, browser] = await Promise.all([startHarness(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('serves the pages without a token, with a policy that allows no inline script; the labels need one', async () => {
    for (const path of ['/', '/agent', '/supervisor', '/manager']) {
      const response = await regie.http
        .get(path)
        .expect(200)
        .expect('Content-Type', /text\/html/);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.text).not.toMatch(/<script>|\son[a-z]+=/);
    }
    const shell = await regie.http.get('/agent').expect(200);
    const script = /<script type="module" src="([^"]+)">/.exec(shell.text)![1]!;
    expect(script).toMatch(/^\/desk\/assets\/agent\.js\?v=[\w-]+$/);
    await regie.http
      .get(script)
      .expect(200)
      .expect('Content-Type', /javascript/)
      .expect('Cache-Control', 'public, max-age=31536000, immutable');
    await regie.http.get('/desk/assets/agent.js').expect(200).expect('Cache-Control', 'no-cache');
    await regie.http.get('/desk/assets/agent.js?v=an-older-one').expect(200).expect('Cache-Control', 'no-cache');
    await regie.http.get('/desk/assets/nothing.js').expect(404);
    await regie.http.get('/desk/labels').expect(401);
    const agent = await regie.token('agent-anna', 'agent');
    const labels = await regie.http.get('/desk/labels').set('Authorization', `Bearer ${agent}`).expect(200);
    expect(labels.body.channels).toContainEqual({ id: 'video', layer: 'personal', label: 'Beeldbellen' });
  });

  it('leads each role from / to its own page, and offers a choice to someone with several', async () => {
    const agent = await openDesk(browser, `${regie.url}/#access_token=${await regie.token('agent-anna', 'agent')}`);
    await agent.page.waitForURL(`${regie.url}/agent`);
    const auditor = await openDesk(browser, `${regie.url}/#access_token=${await regie.token('audit-1', 'auditor')}`);
    await auditor.page.waitForURL(`${regie.url}/supervisor`);
    const both = await openDesk(browser, `${regie.url}/#access_token=${await regie.token('sanne', 'agent', 'supervisor')}`);
    await both.page.getByText('Kies de pagina waarmee je wilt werken:').waitFor();
    expect(await both.page.getByRole('link').allInnerTexts()).toEqual(['Medewerker', 'Supervisor']);
    expect(both.page.url()).toBe(`${regie.url}/`);
  });

  it('asks to sign in again when the token has expired or is refused, and without one', async () => {
    const expired = await regie.app.get(TokenVerifier).sign('agent-old', ['agent'], -60);
    const old = await openDesk(browser, `${regie.url}/agent#access_token=${expired}`);
    await old.page.getByRole('alert').getByText('Je aanmelding is verlopen.').waitFor();
    expect(old.page.url()).toBe(`${regie.url}/agent`);
    expect(await old.page.evaluate(() => sessionStorage.getItem('regie.desk.token'))).toBeNull();
    expect(await axeViolations(old.page)).toEqual([]);
    await screenshot(old.page, 'sign-in');

    // Well-formed but not signed by this Regie: the API refuses it with 401.
    const [header, payload] = (await regie.token('agent-x', 'agent')).split('.');
    const forged = await openDesk(browser, `${regie.url}/agent#access_token=${header}.${payload}.c2lnbmF0dXJl`);
    await forged.page.getByRole('alert').getByText('Je aanmelding is niet (meer) geldig.').waitFor();
    expect(await forged.page.evaluate(() => sessionStorage.getItem('regie.desk.token'))).toBeNull();

    const none = await openDesk(browser, `${regie.url}/supervisor`);
    await none.page.getByRole('alert').getByText('Je bent niet aangemeld.').waitFor();
  });

  it('speaks the browser’s language, English when it prefers it, and lets the reader switch', async () => {
    const token = await regie.token('agent-anna', 'agent');
    const { page } = await openDesk(browser, `${regie.url}/agent#access_token=${token}`, 'en-GB');
    await page.getByRole('heading', { level: 2, name: 'My cases' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { level: 2, name: 'Mijn zaken' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('alert').getByText('Je bent afgemeld.').waitFor();
  });

  it('opens the KPI dashboard to a supervisor too, in English when the browser prefers it', async () => {
    const token = await regie.token('sup-1', 'supervisor');
    const { page, errors } = await openDesk(browser, `${regie.url}/manager#access_token=${token}`, 'en-GB');
    await page.locator('#dashboard[data-ready="true"]').waitFor();
    await page.getByRole('heading', { level: 2, name: 'KPIs of the whole organisation' }).waitFor();
    expect(await page.getByLabel('By', { exact: true }).inputValue()).toBe('week');
    expect(await page.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'manager-empty-en');
    expect(errors).toEqual([]);
  });
});
