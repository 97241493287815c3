import { interaction, startHarness, type RegieHarness } from '@regie/testing';
import type { Browser } from 'playwright-core';
import { exclusionDateBounds } from '../../libs/web-desk/src/browser/supervisor/exclusion-dates';
import { axeViolations, launchChromium, openDesk, screenshot } from './support/desk-browser';

jest.setTimeout(60_000);

describe('The supervisor page in Chromium', () => {
  let regie: RegieHarness;
  let browser: Browser;

  beforeAll(async () => {
    [regie, browser] = await Promise.all([startHarness(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await regie?.stop();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (token: string, customerId: string, contactId: string, category: string) =>
    regie.http
      .post('/v1/aggression-reports')
      .set(as(token))
      .send({ customerId, contactId, category, description: 'Schold de medewerker uit en bleef roepen.' })
      .expect(201);
  const eligibleForVideo = async (customerId: string, token: string) =>
    (await regie.http.get(`/v1/customers/${customerId}/eligibility?channel=video`).set(as(token)).expect(200)).body.allowed as boolean;

  it('shows the queues, refuses a decision on one’s own report (four eyes), excludes on another’s, lifts, shows the trail', async () => {
    // Sanne works as an agent and as a supervisor: she may report, but not decide on her own report.
    const sanne = await regie.token('sanne', 'agent', 'supervisor');
    const bob = await regie.token('agent-bob', 'agent');
    await report(sanne, 'cust-agg-1', 'video-1', 'verbal');
    await report(bob, 'cust-agg-2', 'video-2', 'threat');
    // A video call nobody is available for waits in the video queue.
    const channel = await regie.token('app-platform', 'channel');
    await regie.http
      .post('/v1/interactions')
      .set(as(channel))
      .send(
        interaction(
          { subject: 'cust-wait-1', type: 'video.requested', source: 'urn:regie:test:app' },
          { channel: 'app', contactId: 'app-1' },
        ),
      )
      .expect(202);

    const { page, errors } = await openDesk(browser, `${regie.url}/supervisor#access_token=${sanne}`);
    const queues = page.getByRole('table', { name: /Ververst elke paar seconden/ });
    await queues.getByRole('row', { name: /Beeldbellen\s+1\b/ }).waitFor({ timeout: 10_000 });
    expect(await queues.getByRole('row', { name: /Beeldbellen/ }).innerText()).toMatch(/2 min 0 s\s+(Binnen de norm|Bijna over de norm)/);

    const inbox = page.getByRole('region', { name: 'Agressiemeldingen' });
    const own = inbox.getByRole('article', { name: /cust-agg-1/ });
    await own.getByRole('button', { name: 'Uitsluiten' }).click();
    await own.getByRole('group', { name: 'Aangeboden alternatieven' }).getByRole('checkbox', { name: 'Telefoon 14 0xx' }).check();
    await own.getByLabel('Reden').fill('Herhaald schelden in een videogesprek.');
    await own.getByRole('button', { name: 'Uitsluiting vastleggen' }).click();
    const refusal = own.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/vier-ogenprincipe/);
    await screenshot(page, 'supervisor-four-eyes');

    const other = inbox.getByRole('article', { name: /cust-agg-2/ });
    await other.getByRole('button', { name: 'Uitsluiten' }).click();
    expect(await other.getByRole('checkbox', { name: /Bedreiging · video-2/ }).isChecked()).toBe(true);
    expect(await other.getByRole('group', { name: 'Uitgesloten kanalen' }).getByRole('checkbox', { name: 'Beeldbellen' }).isChecked()).toBe(
      true,
    );
    const endsAt = other.getByLabel(/Einddatum \(hoogstens 365 dagen\)/);
    expect(await endsAt.getAttribute('max')).toBe(exclusionDateBounds(365).max);
    await other.getByRole('group', { name: 'Aangeboden alternatieven' }).getByRole('checkbox', { name: 'Telefoon 14 0xx' }).check();
    await other.getByLabel('Reden').fill('Bedreiging van een medewerker in een videogesprek.');
    await other.getByRole('button', { name: 'Uitsluiting vastleggen' }).click();
    await inbox.getByText('Uitsluiting voor klant cust-agg-2 vastgelegd; de klant krijgt een brief.').waitFor();

    const exclusions = page.getByRole('region', { name: 'Uitsluitingen van kracht' });
    const card = exclusions.getByRole('article', { name: 'Klant cust-agg-2' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Beeldbellen[\s\S]*Telefoon 14 0xx/);
    expect(await eligibleForVideo('cust-agg-2', bob)).toBe(false);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor');

    await card.getByLabel('Reden om op te heffen').fill('Excuses aangeboden; bezwaar gegrond verklaard.');
    await card.getByRole('button', { name: 'Uitsluiting opheffen' }).click();
    await exclusions.getByText('Uitsluiting van klant cust-agg-2 opgeheven.').waitFor();
    await card.waitFor({ state: 'detached' });
    expect(await eligibleForVideo('cust-agg-2', bob)).toBe(true);

    const history = page.getByRole('region', { name: 'Veiligheidsgeschiedenis van een klant' });
    await history.getByLabel('Klantnummer (pseudoniem)').fill('cust-agg-2');
    await history.getByRole('button', { name: 'Tonen' }).click();
    const trail = history.getByRole('table');
    await trail.getByRole('row').nth(3).waitFor();
    expect((await trail.getByRole('row').allInnerTexts()).slice(1)).toEqual([
      expect.stringMatching(/Agressie gemeld\s+agent-bob/),
      expect.stringMatching(/Uitsluiting vastgelegd\s+sanne/),
      expect.stringMatching(/Uitsluiting opgeheven\s+sanne/),
    ]);
    // The browser logs the refused request itself; nothing else went wrong (no script error, no CSP refusal).
    expect(errors).toEqual([expect.stringContaining('status of 403')]);
  });

  it('shows an auditor the exclusions and the safety history, without the supervisor’s forms', async () => {
    const auditor = await regie.token('audit-1', 'auditor');
    const { page, errors } = await openDesk(browser, `${regie.url}/supervisor#access_token=${auditor}`);
    await page.getByRole('region', { name: 'Uitsluitingen van kracht' }).waitFor();
    expect(await page.getByRole('region', { name: 'Agressiemeldingen' }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'Veiligheidsgeschiedenis van een klant' });
    await history.getByLabel('Klantnummer (pseudoniem)').fill('cust-agg-1');
    await history.getByRole('button', { name: 'Tonen' }).click();
    await history.getByRole('row', { name: /Agressie gemeld\s+sanne/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
