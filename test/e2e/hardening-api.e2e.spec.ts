import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { parse, stringify } from 'yaml';
import { interaction, startHarness, TEST_SECRET, type RegieHarness } from '@regie/testing';

jest.setTimeout(60_000);

const DAY = 24 * 3600 * 1000;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const pathsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((error) => error.path);

/** Regressions of issue 11 (API hardening), against the running all-in-one app. */
describe('API hardening (issue 11)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'regie-hardening-'));
  let regie: RegieHarness;
  let agent: string;
  let supervisor: string;
  let channel: string;

  beforeAll(async () => {
    regie = await startHarness({ dataDir: join(parent, 'data') });
    [agent, supervisor, channel] = await Promise.all([
      regie.token('agent-hard', 'agent'),
      regie.token('sup-hard', 'supervisor'),
      regie.token('platform-hard', 'channel'),
    ]);
  });
  afterAll(async () => {
    await regie.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  describe('tokens', () => {
    const journey = (authorization: string) => regie.http.get('/v1/customers/cust-h/journey').set('Authorization', authorization);

    it('refuses a token without exp (it would never expire) with 401', async () => {
      const forever = new JwtService({ secret: TEST_SECRET }).sign({ roles: ['agent'] }, { subject: 'agent-forever', algorithm: 'HS256' });
      const refused = await journey(`Bearer ${forever}`).expect(401);
      expect(refused.body).toMatchObject({ status: 401, detail: expect.stringMatching(/no exp claim/) });
    });

    it('refuses an Authorization header with anything after the token', async () => {
      await journey(`Bearer ${agent}`).expect(200);
      for (const header of [`Bearer ${agent} junk`, `Bearer ${agent},x`, `Basic ${agent}`, `Bearer`]) {
        const refused = await journey(header).expect(401);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  });

  describe('the service concept', () => {
    const current = async () => (await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200)).body;
    const put = (body: object, ifMatch?: string) => {
      const request = regie.http.put('/v1/service-concept').set(auth(supervisor));
      return (ifMatch === undefined ? request : request.set('If-Match', ifMatch)).send(body);
    };

    it.each([
      ['escalation', (concept: Record<string, unknown>) => delete concept.escalation, ['escalation']],
      ['kpiTargets', (concept: Record<string, unknown>) => delete concept.kpiTargets, ['kpiTargets']],
      ['safety', (concept: Record<string, unknown>) => delete concept.safety, ['safety']],
      ['escalation: {}', (concept: Record<string, unknown>) => (concept.escalation = {}), ['escalation.bot', 'escalation.video']],
      ['kpiTargets.fcr: 3', (concept: any) => (concept.kpiTargets.fcr = 3), ['kpiTargets.fcr']],
    ])('answers 400 naming the path when %s is missing or ill-typed, never 500', async (_, change, paths) => {
      const concept = await current();
      change(concept);
      const refused = await put(concept).expect(400);
      expect(pathsOf(refused.body)).toEqual(expect.arrayContaining(paths));
    });

    it('takes If-Match: * as any current revision, refuses weak or stale tags with 412 and malformed ones with 400', async () => {
      const concept = await current();
      const revised = await put({ ...concept, organisation: 'Gemeente Hardening' }, '*').expect(200);
      const etag = revised.headers.etag as string;
      await put({ ...concept, organisation: 'Gemeente Zwak' }, `W/${etag}`).expect(412);
      await put({ ...concept, organisation: 'Gemeente Oud' }, '"0"').expect(412);
      expect(pathsOf((await put(concept, 'three').expect(400)).body)).toEqual(['If-Match']);
      await put(concept, `"0", ${etag}`).expect(200);
    });

    it('stops at start naming the missing path, not with a TypeError', async () => {
      const file = join(parent, 'no-escalation.yaml');
      const shipped = parse(readFileSync('config/service-concept.yaml', 'utf8'));
      delete shipped.escalation;
      writeFileSync(file, stringify(shipped));
      const dataDir = join(parent, 'bad-concept');
      await expect(startHarness({ dataDir, env: { REGIE_CONCEPT_FILE: file } })).rejects.toThrow(
        /no-escalation\.yaml[\s\S]*escalation: escalation is required/,
      );
    });
  });

  describe('channels named in requests', () => {
    it('answers 400 naming channel for a channel the concept does not have', async () => {
      const refused = await regie.http.get('/v1/customers/cust-h/eligibility?channel=fax').set(auth(channel)).expect(400);
      expect(pathsOf(refused.body)).toEqual(['channel']);
      await regie.http.get('/v1/customers/cust-h/eligibility?channel=video').set(auth(channel)).expect(200);
      expect(pathsOf((await regie.http.get('/v1/cases?channel=fax').set(auth(supervisor)).expect(400)).body)).toEqual(['channel']);
    });

    it('refuses an exclusion with channels: [] instead of excluding video', async () => {
      const refused = await regie.http
        .post('/v1/exclusions')
        .set(auth(supervisor))
        .send({
          customerId: 'cust-h',
          channels: [],
          endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
          reason: 'Threats',
          reportIds: ['rep-x'],
          alternatives: ['phone'],
        })
        .expect(400);
      expect(pathsOf(refused.body)).toEqual(['channels']);
    });

    it('refuses presence with a channel twice or a channel the concept does not have, naming the field', async () => {
      const presence = (channels: string[], capacity: Record<string, number>) =>
        regie.http.put('/v1/agents/me/presence').set(auth(agent)).send({ status: 'available', channels, capacity });
      expect(pathsOf((await presence(['live-chat', 'live-chat'], { 'live-chat': 1 }).expect(400)).body)).toEqual(['channels']);
      expect(pathsOf((await presence(['live-chat', 'fax'], { 'live-chat': 1 }).expect(400)).body)).toEqual(['channels[1]']);
      expect(pathsOf((await presence(['live-chat'], { pigeon: 1 }).expect(400)).body)).toEqual(['capacity.pigeon']);
      await presence(['live-chat'], { 'live-chat': 1 }).expect(200);
    });
  });

  it('shows a report and an exclusion with one id field, created and listed alike', async () => {
    const reported = await regie.http
      .post('/v1/aggression-reports')
      .set(auth(agent))
      .send({ customerId: 'cust-ids', contactId: 'video-ids', category: 'verbal', description: 'Shouted at the agent.' })
      .expect(201);
    const inbox = await regie.http.get('/v1/aggression-reports?customerId=cust-ids').set(auth(supervisor)).expect(200);
    expect(inbox.body.items).toEqual([expect.objectContaining({ id: reported.body.id })]);
    expect(inbox.body.items[0]).not.toHaveProperty('reportId');

    const excluded = await regie.http
      .post('/v1/exclusions')
      .set(auth(supervisor))
      .send({
        customerId: 'cust-ids',
        endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
        reason: 'Shouting',
        reportIds: [reported.body.id],
        alternatives: ['phone'],
      })
      .expect(201);
    expect(excluded.body).toMatchObject({ id: expect.stringMatching(/^exc-/), channels: ['video'] });
    expect(excluded.body).not.toHaveProperty('exclusionId');
    const listed = await regie.http.get('/v1/exclusions?customerId=cust-ids').set(auth(supervisor)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: excluded.body.id, inForce: true })]);
    expect(listed.body.items[0]).not.toHaveProperty('exclusionId');
  });

  // The file modes are the SQLite store's; on PostgreSQL (REGIE_E2E_STORE=postgres) there are no store files to check.
  (process.env.REGIE_E2E_STORE === 'postgres' ? it.skip : it)(
    'keeps the store private: data dir 0700, regie.db, -wal and -shm 0600',
    async () => {
      await regie.http
        .post('/v1/interactions')
        .set(auth(channel))
        .send(interaction({ subject: 'cust-files' }))
        .expect(202);
      const modeOf = (file: string) => (statSync(join(regie.dataDir, file)).mode & 0o777).toString(8);
      expect(modeOf('.')).toBe('700');
      expect(['regie.db', 'regie.db-wal', 'regie.db-shm'].map(modeOf)).toEqual(['600', '600', '600']);
    },
  );
});
