import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InvalidServiceConceptError, loadServiceConceptFile } from './load-service-concept';
import { validateServiceConcept } from './validate-service-concept';

const SHIPPED = join(__dirname, '../../../../../config/service-concept.yaml');
const shipped = (): Record<string, any> => parse(readFileSync(SHIPPED, 'utf8'));

const issuesOf = (raw: unknown) => {
  const result = validateServiceConcept(raw);
  if (result.ok) throw new Error('expected the concept to be refused');
  return result.issues;
};

describe('the service concept file', () => {
  it('ships a valid example for a municipality', () => {
    const concept = loadServiceConceptFile(SHIPPED);
    expect(concept.name).toBe('gemeente-voorbeeld');
    expect(concept.channels.map((channel) => channel.id)).toEqual(
      expect.arrayContaining(['web', 'app', 'chatbot', 'live-chat', 'phone', 'video', 'counter']),
    );
    expect(concept.serviceLevels['live-chat']).toEqual({ targetWaitSeconds: 60, targetShare: 0.8, overflowTo: 'phone' });
    expect(concept.fit.web?.['personal-contact']).toBe(false);
  });

  it('names every bad path at once', () => {
    const raw = shipped();
    raw.channels[1].layer = 'basement';
    delete raw.escalation.bot.fallbacksPerContact;
    raw.serviceLevels.phone.targetShare = 2;
    raw.kpiTargets.csat = { min: 'high' };
    const paths = issuesOf(raw).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['channels[1].layer', 'escalation.bot.fallbacksPerContact', 'kpiTargets.csat.min']));
  });

  it('refuses references to channels and needs it does not declare', () => {
    const raw = shipped();
    raw.escalation.bot.target = 'pigeon';
    raw.serviceLevels['live-chat'].overflowTo = 'fax';
    raw.fit.web.happiness = true;
    raw.safety.defaultChannels = ['teleport'];
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual([
      'fit.web.happiness',
      'escalation.bot.target',
      'serviceLevels.live-chat.overflowTo',
      'safety.defaultChannels[0]',
    ]);
  });

  it('refuses an escalation that does not go up the pyramid', () => {
    const raw = shipped();
    raw.escalation.bot.target = 'web';
    raw.escalation.video.channel = 'phone';
    expect(issuesOf(raw)).toEqual([
      { path: 'escalation.bot.target', message: 'must be a channel above the self-service layer' },
      { path: 'escalation.video.channel', message: 'must be a channel of the personal layer' },
    ]);
  });

  it('refuses CSI weights that do not add up to 1, and a queue overflowing into itself', () => {
    const raw = shipped();
    raw.surveys[2].questions[0].weight = 0.9;
    raw.serviceLevels.video.overflowTo = 'video';
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual(['serviceLevels.video.overflowTo', 'surveys[2].questions']);
  });

  it('reads the measurement settings and the need each question measures', () => {
    const concept = loadServiceConceptFile(SHIPPED);
    expect(concept.measurement).toMatchObject({ timeZone: 'Europe/Amsterdam', serviceLevelAbandoned: 'missed', gapThreshold: 70 });
    expect(concept.surveys[0]?.questions[0]?.need).toBe('personal-contact');
  });

  it('names each bad measurement setting and a question measuring an unknown need', () => {
    const raw = shipped();
    raw.measurement = {
      timeZone: 'Mars/Olympus',
      baseline: { from: '2025-02-30', to: '2025-01-01' },
      serviceLevelAbandoned: 'ignored',
      shortAbandonSeconds: -1,
      gapThreshold: 101,
    };
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual([
      'measurement.serviceLevelAbandoned',
      'measurement.shortAbandonSeconds',
      'measurement.gapThreshold',
    ]);
    raw.measurement = { timeZone: 'Mars/Olympus', baseline: { from: '2025-02-30', to: '2025-01-01' } };
    raw.surveys[0].questions[0].need = 'parking';
    expect(issuesOf(raw)).toEqual([
      {
        path: 'surveys[0].questions[0].need',
        message: '"parking" is not a need of this concept (known: personal-contact, connected, own-pace, clear-information)',
      },
      { path: 'measurement.timeZone', message: '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Amsterdam)' },
      { path: 'measurement.baseline.from', message: '"2025-02-30" is not a calendar date' },
    ]);
    raw.measurement = { baseline: { from: '2025-02-01', to: '2025-01-01' } };
    raw.surveys[0].questions[0].need = 'connected';
    expect(issuesOf(raw).map((issue) => issue.path)).toEqual(['measurement.baseline.to']);
  });

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    const raw = shipped();
    raw.escalaton = raw.escalation;
    expect(issuesOf(raw).map((issue) => issue.path)).toContain('escalaton');
  });

  it('stops loading with the file name and each path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concept-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: Not An Id\n');
    expect(() => loadServiceConceptFile(file)).toThrow(InvalidServiceConceptError);
    expect(() => loadServiceConceptFile(file)).toThrow(/bad\.yaml[\s\S]*name: name must be a lower-case id/);
    writeFileSync(file, 'name: [unclosed\n');
    expect(() => loadServiceConceptFile(file)).toThrow(InvalidServiceConceptError);
  });
});
