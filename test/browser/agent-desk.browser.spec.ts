import { interaction, startHarness, type RegieHarness } from '@regie/testing';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openDesk, screenshot } from './support/desk-browser';

jest.setTimeout(60_000);

describe('The agent page in Chromium', () => {
  let regie: RegieHarness;
  let browser: Browser;
  let channel: string;

  beforeAll(async () => {
    [regie, browser] = await Promise.all([startHarness(), launchChromium()]);
    channel = await regie.token('chatbot-platform', 'channel');
  });
  afterAll(async () => {
    await browser?.close();
    await regie?.stop();
  });

  const post = (events: object) => regie.http.post('/v1/interactions').set('Authorization', `Bearer ${channel}`).send(events).expect(202);
  const chatbot = (customerId: string, type: string, data: object = {}) =>
    interaction({ subject: customerId, type }, { channel: 'chatbot', contactId: `chat-${customerId}`, ...data });

  it('signs in from the link, shows an escalated case the moment it is assigned, with its journey, and resolves it', async () => {
    const token = await regie.token('agent-anna', 'agent');
    const { page, errors } = await openDesk(browser, `${regie.url}/agent#access_token=${token}`);
    let navigations = 0;
    page.on('framenavigated', () => (navigations += 1));

    await page.getByRole('heading', { level: 1, name: 'Medewerker' }).waitFor();
    expect(page.url()).toBe(`${regie.url}/agent`);
    expect(await page.evaluate(() => sessionStorage.getItem('regie.desk.token'))).toBe(token);

    // Presence with the keyboard alone: live chat, two at a time.
    const presence = page.getByRole('region', { name: 'Beschikbaarheid' });
    await presence.getByRole('checkbox', { name: 'Chat met een medewerker' }).focus();
    await page.keyboard.press('Space');
    await presence.getByLabel('Aantal zaken tegelijk via Chat met een medewerker').fill('2');
    await presence.getByRole('button', { name: 'Beschikbaarheid opslaan' }).focus();
    await page.keyboard.press('Enter');
    await presence.getByText('Opgeslagen: Beschikbaar.').waitFor();
    await page.getByText('Live: nieuwe zaken verschijnen vanzelf.').waitFor();

    // The chatbot fails twice in one contact: a live-chat case, routed to Anna.
    await post([
      chatbot('cust-web-1', 'contact.started', { topic: 'parkeervergunning' }),
      chatbot('cust-web-1', 'bot.fallback'),
      chatbot('cust-web-1', 'bot.fallback'),
    ]);
    const mine = page.getByRole('region', { name: 'Mijn zaken' });
    const arrived = mine.getByRole('button', { name: /Klant cust-web-1/ });
    await arrived.waitFor({ timeout: 10_000 });
    expect(navigations).toBe(0);

    await arrived.click();
    const detail = page.getByRole('region', { name: 'Zaak van klant cust-web-1' });
    await expect(detail.getByRole('heading', { level: 2 }).evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await detail.getByText('De digitale assistent begreep de klant herhaaldelijk niet').waitFor();
    await detail.getByText('parkeervergunning').first().waitFor();
    const timeline = detail.getByRole('list', { name: 'Klantreis' });
    await timeline.getByRole('listitem').nth(2).waitFor();
    expect(await timeline.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/Digitale assistent.*Zelfbediening.*Contact begonnen/s),
      expect.stringMatching(/Digitale assistent begreep het niet/),
      expect.stringMatching(/Digitale assistent begreep het niet/),
    ]);
    // Up the pyramid only to channels this customer may use: the personal layer.
    await expect(detail.getByLabel('Naar kanaal').locator('option').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Beeldbellen'),
      expect.stringContaining('Balie op afspraak'),
    ]);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'agent');

    await detail.getByRole('button', { name: 'Zaak afronden' }).click();
    await detail.getByText('Zaak afgerond: Opgelost.').waitFor();
    const supervisor = await regie.token('sup-1', 'supervisor');
    const cases = await regie.http.get('/v1/cases?status=resolved').set('Authorization', `Bearer ${supervisor}`).expect(200);
    expect(cases.body.items).toContainEqual(
      expect.objectContaining({ customerId: 'cust-web-1', outcome: 'resolved', assignee: 'agent-anna' }),
    );
    expect(errors).toEqual([]);
  });

  it('reports aggression from one of the customer contacts', async () => {
    const token = await regie.token('agent-ben', 'agent');
    await regie.http
      .put('/v1/agents/me/presence')
      .set('Authorization', `Bearer ${token}`)
      .send({ status: 'available', channels: ['video'], capacity: { video: 1 } })
      .expect(200);
    const { page, errors } = await openDesk(browser, `${regie.url}/agent#access_token=${token}`);
    await post(
      interaction({ subject: 'cust-web-2', type: 'video.requested', source: 'urn:regie:test:app' }, { channel: 'app', contactId: 'app-9' }),
    );
    await page
      .getByRole('region', { name: 'Mijn zaken' })
      .getByRole('button', { name: /Klant cust-web-2/ })
      .click();
    const detail = page.getByRole('region', { name: 'Zaak van klant cust-web-2' });
    await detail.getByText('Agressie melden').click();
    await detail.getByLabel('Soort').selectOption({ label: 'Bedreiging' });
    await detail.getByLabel('Beschrijving').fill('Klant dreigde de medewerker iets aan te doen.');
    await detail.getByRole('button', { name: 'Melding versturen' }).click();
    await detail.getByText('Melding verstuurd; een supervisor beslist erover.').waitFor();

    const supervisor = await regie.token('sup-1', 'supervisor');
    const reports = await regie.http.get('/v1/aggression-reports?customerId=cust-web-2').set('Authorization', `Bearer ${supervisor}`);
    expect(reports.body.items).toEqual([
      expect.objectContaining({ contactId: 'app-9', category: 'threat', reportedBy: 'agent-ben', status: 'open' }),
    ]);
    expect(errors).toEqual([]);
  });
  it('escalates up the pyramid only to a channel open to the customer', async () => {
    const carla = await regie.token('agent-carla', 'agent');
    // Anna (the first test) goes home, so that Carla gets the next live chat.
    await regie.http
      .put('/v1/agents/me/presence')
      .set('Authorization', `Bearer ${await regie.token('agent-anna', 'agent')}`)
      .send({ status: 'offline', channels: [], capacity: {} })
      .expect(200);
    const supervisor = await regie.token('sup-2', 'supervisor');
    const report = await regie.http
      .post('/v1/aggression-reports')
      .set('Authorization', `Bearer ${carla}`)
      .send({ customerId: 'cust-web-3', contactId: 'video-0', category: 'verbal', description: 'Schold in een eerder videogesprek.' })
      .expect(201);
    await regie.http
      .post('/v1/exclusions')
      .set('Authorization', `Bearer ${supervisor}`)
      .send({
        customerId: 'cust-web-3',
        channels: ['video'],
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        reason: 'Schelden in een videogesprek.',
        reportIds: [report.body.id],
        alternatives: ['counter'],
      })
      .expect(201);
    await regie.http
      .put('/v1/agents/me/presence')
      .set('Authorization', `Bearer ${carla}`)
      .send({ status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 3 } })
      .expect(200);
    const { page, errors } = await openDesk(browser, `${regie.url}/agent#access_token=${carla}`);
    await post(chatbot('cust-web-3', 'handoff.requested'));
    await page
      .getByRole('region', { name: 'Mijn zaken' })
      .getByRole('button', { name: /Klant cust-web-3/ })
      .click();
    const detail = page.getByRole('region', { name: 'Zaak van klant cust-web-3' });
    const target = detail.getByLabel('Naar kanaal');
    await target.waitFor();
    expect(await target.locator('option').allInnerTexts()).toEqual([expect.stringContaining('Balie op afspraak')]);
    await detail.getByText(/Niet toegestaan voor deze klant:\s+Beeldbellen \(uitgesloten tot/).waitFor();
    await detail.getByLabel('Reden').fill('Wil het persoonlijk bespreken.');
    await detail.getByRole('button', { name: 'Opschalen' }).click();
    await detail.getByText('Opgeschaald naar Balie op afspraak.').waitFor();
    expect(errors).toEqual([]);
  });

  it('lists the oldest waiting in my channels, with how many wait in all', async () => {
    for (const name of ['agent-anna', 'agent-carla']) {
      await regie.http
        .put('/v1/agents/me/presence')
        .set('Authorization', `Bearer ${await regie.token(name, 'agent')}`)
        .send({ status: 'offline', channels: [], capacity: {} })
        .expect(200);
    }
    const waiting = Array.from({ length: 30 }, (_, index) => `cust-q-${String(index + 1).padStart(2, '0')}`);
    for (const customerId of waiting) await post(chatbot(customerId, 'handoff.requested'));
    const dirk = await regie.token('agent-dirk', 'agent');
    const { page, errors } = await openDesk(browser, `${regie.url}/agent#access_token=${dirk}`);
    const queue = page.getByRole('region', { name: 'Wachtend in mijn kanalen' });
    const count = queue.getByText(/De \d+ die het langst wachten, van \d+ wachtenden\./);
    await count.waitFor();
    const [, shown, total] = /De (\d+) .* van (\d+)/.exec(await count.innerText())!.map(Number);
    expect(total).toBeGreaterThanOrEqual(30);
    expect(shown).toBeLessThan(total);
    expect(await queue.getByRole('button', { name: /^Oppakken / }).count()).toBe(shown);
    await queue.getByRole('button', { name: 'Oppakken cust-q-25' }).waitFor();
    expect(await queue.getByRole('button', { name: 'Oppakken cust-q-26' }).count()).toBe(0);
    await screenshot(page, 'agent-queue');
    expect(errors).toEqual([]);
  });

  it('starts with the labels an earlier page was given, and shows the concept’s own as soon as they are there', async () => {
    const token = await regie.token('agent-eva', 'agent');
    const context = await browser.newContext({ locale: 'nl-NL' });
    // An earlier page's labels, from before a revision: another name for live chat, no video calls.
    await context.addInitScript(() =>
      localStorage.setItem(
        'regie.desk.labels',
        JSON.stringify({
          layers: [{ id: 'assisted', label: 'Hulp' }],
          channels: [{ id: 'live-chat', layer: 'assisted', label: 'Oude chatnaam' }],
        }),
      ),
    );
    const page = await context.newPage();
    await page.goto(`${regie.url}/agent#access_token=${token}`);
    const presence = page.getByRole('region', { name: 'Beschikbaarheid' });
    await presence.getByRole('checkbox', { name: 'Chat met een medewerker' }).waitFor();
    await presence.getByRole('checkbox', { name: 'Beeldbellen' }).waitFor();
    expect(await page.getByText('Oude chatnaam').count()).toBe(0);
    const remembered = await page.evaluate(
      () => JSON.parse(localStorage.getItem('regie.desk.labels')!) as { channels: { label: string }[] },
    );
    expect(remembered.channels.map((channel) => channel.label)).toContain('Chat met een medewerker');
    await context.close();
  });
});
