import { startOidcHarness, startOidcProvider, type RegieHarness, type TestOidcProvider } from '@regie/testing';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openDesk } from './support/desk-browser';

jest.setTimeout(60_000);

/** Issue 15: with OIDC configured, the pages sign in through the provider (authorization code with PKCE). */
describe('Signing in to the web desk through an OpenID Connect provider', () => {
  let provider: TestOidcProvider;
  let regie: RegieHarness;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startOidcProvider();
    provider.signInAs({ sub: 'kc-anna', realm_access: { roles: ['regie-agent', 'offline_access'] } });
    [regie, browser] = await Promise.all([
      startOidcHarness(provider, { REGIE_OIDC_ROLES_CLAIM: 'realm_access.roles', REGIE_OIDC_ROLE_MAP: 'regie-agent=agent' }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await regie?.stop();
    await provider?.close();
  });

  it('tells the pages how to sign in, without secrets, and lets them reach the token endpoint', async () => {
    const { body } = await regie.http.get('/desk/config.json').expect(200);
    expect(body).toEqual({
      roles: { claim: 'realm_access.roles', map: { 'regie-agent': 'agent' } },
      signIn: {
        issuer: provider.issuer,
        authorizationEndpoint: `${provider.issuer}/authorize`,
        tokenEndpoint: `${provider.issuer}/token`,
        clientId: 'regie-desk',
        scope: 'openid',
      },
    });
    const page = await regie.http.get('/agent').expect(200);
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ${provider.issuer};`);
  });

  it('goes to the provider, comes back with a code, exchanges it, and shows the page; nothing of it stays in the address bar', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    const visited: string[] = [];
    page.on('request', (request) => visited.push(request.url()));
    await page.goto(`${regie.url}/agent`);
    await page.getByRole('heading', { level: 2, name: 'Mijn zaken' }).waitFor();
    await page.getByText('Aangemeld als kc-anna').waitFor();

    const authorize = new URL(visited.find((url) => url.startsWith(`${provider.issuer}/authorize`))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${regie.url}/agent`);
    expect(authorize.searchParams.has('code_verifier')).toBe(false);
    expect(visited.some((url) => url.startsWith(`${regie.url}/agent?code=`))).toBe(true);

    expect(page.url()).toBe(`${regie.url}/agent`);
    const stored = await page.evaluate(() => Object.keys(sessionStorage).sort());
    expect(stored).toEqual(['regie.desk.oidc.auto', 'regie.desk.token']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after signing out, offers to sign in again rather than going straight back', async () => {
    const { page, errors } = await openDesk(browser, `${regie.url}/agent`);
    await page.getByText('Aangemeld als kc-anna').waitFor();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('alert').getByText('Je bent afgemeld.').waitFor();
    expect(page.url()).toBe(`${regie.url}/agent`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mijn zaken' }).waitFor();
    expect(page.url()).toBe(`${regie.url}/agent`);
    expect(errors).toEqual([]);
  });

  it('signs in at / as well, and leads the reader on to the page of their role', async () => {
    const { page, errors } = await openDesk(browser, `${regie.url}/`);
    await page.waitForURL(`${regie.url}/agent`);
    await page.getByText('Aangemeld als kc-anna').waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses a code whose state does not match what this tab sent, and keeps the code out of the address bar', async () => {
    const { page } = await openDesk(browser, `${regie.url}/agent?code=stolen&state=forged`);
    await page.getByRole('alert').getByText('Je aanmelding is niet (meer) geldig.').waitFor();
    expect(page.url()).toBe(`${regie.url}/agent`);
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  });
});
