import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DECISION_SOURCE, DECISION_TYPES, toDecision, type CaseOpened } from '@regie/cases';
import { loadServiceConceptFile } from '@regie/concept';
import { validateInteraction, type InteractionType } from '@regie/contracts';
import type { RecordedEvent } from '@regie/event-store';
import type { DecisionMessage } from '@regie/messaging';
import { HEADERS, TOPICS } from '@regie/messaging';
import { encodeDecision, encodeInteraction } from '../../libs/messaging/src/adapters/kafka/interaction-codec';
import { deadLetters, sortBatch } from '../../libs/messaging/src/adapters/kafka/kafka-batch';
import { getMetadataStorage } from 'class-validator';
import { DATA_DTO_BY_TYPE } from '../../libs/contracts/src/interactions/interaction.dto';
import { interaction } from '../support/regie-harness';

jest.setTimeout(60_000);

const ASYNCAPI = join(__dirname, '../../deploy/asyncapi.yaml');
const concept = loadServiceConceptFile(join(__dirname, '../../config/service-concept.yaml'));
const rules = { channels: new Set(concept.channels.map((channel) => channel.id)) };

/** A valid event of each type, from the e2e fixture, with the data that type needs. */
const VALID: Readonly<Record<InteractionType, Record<string, unknown>>> = {
  'contact.started': { topic: 'parking permit' },
  'contact.ended': { outcome: 'resolved', handlingSeconds: 240, waitSeconds: 30 },
  'bot.fallback': { confidence: 0.2 },
  'handoff.requested': { reason: 'wants a person' },
  'sentiment.observed': { score: -0.6 },
  'task.completed': { task: 'apply-permit' },
  'task.failed': { task: 'apply-permit' },
  'video.requested': {},
  'survey.answered': { instrument: 'csat', answers: { conversation: 8 } },
};

/** Events the code refuses for a reason the schema can say too (the concept's channels it cannot). */
const INVALID: readonly (readonly [string, Record<string, unknown>])[] = [
  ['a citizen service number as subject', interaction({ subject: '123456789' })],
  ['a name as subject', interaction({ subject: 'Jan Jansen' })],
  ['another specversion', interaction({ specversion: '0.3' })],
  ['an unknown type', interaction({ type: 'contact.paused' })],
  ['no time', interaction({ time: undefined })],
  ['a time that is no timestamp', interaction({ time: 'yesterday' })],
  ['no contactId', interaction({}, { contactId: undefined })],
  ['an outcome outside the list', interaction({ type: 'contact.ended' }, { outcome: 'maybe' })],
  ['a score beyond 1', interaction({ type: 'sentiment.observed' }, { score: 2 })],
  ['a task failed without a task', interaction({ type: 'task.failed' })],
  ['a survey without answers', interaction({ type: 'survey.answered' }, { instrument: 'csat' })],
];

interface SchemaJson {
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly allOf?: readonly SchemaJson[];
}

const recorded = (streamName: string, type: string, data: unknown): RecordedEvent => ({
  type,
  data,
  metadata: { causationId: 'test', correlationId: 'test', actor: 'test' },
  eventId: `event-${type}`,
  streamName,
  revision: 3,
  position: 42,
  recordedAt: '2026-03-01T10:00:05.000Z',
});

const journeyBase = {
  customerId: 'cust-1',
  contactId: 'vid-1',
  channel: 'video',
  layer: 'personal',
  occurredAt: '2026-03-01T10:00:00.000Z',
};
const opened: CaseOpened['data'] = {
  caseId: 'case-1',
  customerId: 'cust-1',
  channel: 'live-chat',
  layer: 'assisted',
  trigger: 'bot-fallbacks',
  reason: 'the chatbot did not understand the customer repeatedly',
  context: { channelsTouched: ['chatbot'], botFailures: 2, earlierCases: [], fromChannel: 'chatbot', fromContactId: 'chat-1' },
  openedAt: '2026-03-01T10:00:00.000Z',
};

/** Store events through the real mapper: one decision (at least) of every kind the code publishes. */
const decisions = (): DecisionMessage[] =>
  [
    toDecision(recorded('case-case-1', 'CaseOpened', opened), opened),
    toDecision(recorded('case-case-1', 'CaseOpened', { ...opened, escalatedFrom: 'case-0' }), { ...opened, escalatedFrom: 'case-0' }),
    toDecision(
      recorded('case-case-1', 'CaseOverflowed', {
        caseId: 'case-1',
        fromChannel: 'live-chat',
        toChannel: 'phone',
        layer: 'assisted',
        overflowedAt: '2026-03-01T10:05:00.000Z',
      }),
      opened,
    ),
    toDecision(
      recorded('case-case-1', 'ServiceLevelBreached', {
        caseId: 'case-1',
        channel: 'live-chat',
        waitedSeconds: 310,
        breachedAt: '2026-03-01T10:05:10.000Z',
      }),
      opened,
    ),
    toDecision(
      recorded('journey-cust-1', 'AccessDenied', { ...journeyBase, deniedChannel: 'video', alternatives: ['phone'], denialKey: 'k' }),
    ),
    toDecision(
      recorded('journey-cust-1', 'AssistanceOffered', {
        ...journeyBase,
        channel: 'web',
        task: 'apply-permit',
        offeredChannel: 'live-chat',
        offerKey: 'k',
        failures: 2,
      }),
    ),
    toDecision(recorded('journey-cust-1', 'ContactEnded', { ...journeyBase, outcome: 'resolved' }), undefined, concept),
    toDecision(
      recorded('safety-cust-1', 'ExclusionRegistered', {
        exclusionId: 'excl-1',
        customerId: 'cust-1',
        channels: ['video'],
        startsAt: '2026-03-01T10:00:00.000Z',
        endsAt: '2026-04-01T10:00:00.000Z',
        reason: 'threatened an agent',
        reportIds: ['rep-1'],
        alternatives: ['phone', 'counter'],
        actor: 'sup-1',
        at: '2026-03-01T10:00:00.000Z',
      }),
    ),
  ].filter((decision): decision is DecisionMessage => decision !== undefined);

describe('AsyncAPI document deploy/asyncapi.yaml', () => {
  let document: AsyncAPIDocumentInterface;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);

  const message = (channel: string, name: string) => {
    const found = document.channels().get(channel)?.messages().get(name);
    if (!found) throw new Error(`deploy/asyncapi.yaml has no message ${name} on channel ${channel}`);
    return found;
  };
  const schemaOf = (schema: { json(): unknown } | undefined): ValidateFunction => ajv.compile(schema!.json() as object);
  const check = (validate: ValidateFunction, value: unknown) => ({ valid: validate(value), errors: validate.errors ?? null });

  beforeAll(async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(readFileSync(ASYNCAPI, 'utf8'));
    // Severity 0 is an error, 1 a warning; 2 and 3 are hints (e.g. that 3.1.0 exists).
    expect(
      diagnostics.filter((diagnostic) => diagnostic.severity < 2).map(({ code, message: text, path }) => ({ code, text, path })),
    ).toEqual([]);
    document = parsed!;
  });

  it('is a valid AsyncAPI 3 document for the three topics the code uses, by their real names', () => {
    expect(document.version()).toMatch(/^3\./);
    const addresses = Object.fromEntries(
      document
        .channels()
        .all()
        .map((channel) => [channel.id(), channel.address()]),
    );
    expect(addresses).toEqual({ interactions: TOPICS.interactions, deadLetters: TOPICS.deadLetters, decisions: TOPICS.decisions });
    const actions = Object.fromEntries(
      document
        .operations()
        .all()
        .map((operation) => [operation.channels().all()[0]!.id(), operation.action()]),
    );
    expect(actions).toEqual({ interactions: 'receive', deadLetters: 'send', decisions: 'send' });
  });

  it('accepts a valid interaction of every type, as the code does, in structured mode', () => {
    const validate = schemaOf(message('interactions', 'interactionStructured').payload());
    for (const [type, data] of Object.entries(VALID)) {
      const event = interaction({ type }, data);
      expect({ type, code: validateInteraction(event, rules).ok }).toEqual({ type, code: true });
      expect({ type, ...check(validate, event) }).toEqual({ type, valid: true, errors: null });
    }
  });

  it('refuses what the code refuses', () => {
    const validate = schemaOf(message('interactions', 'interactionStructured').payload());
    for (const [why, event] of INVALID) {
      expect({ why, code: validateInteraction(event, rules).ok, schema: validate(event) }).toEqual({ why, code: false, schema: false });
    }
  });

  it('names, for every type, exactly the data fields the contract validates (and stores)', () => {
    const structured = message('interactions', 'interactionStructured').payload()!.json() as {
      allOf: { if: { properties: { type: { const?: string; enum?: string[] } } }; then: { properties: { data: SchemaJson } } }[];
    };
    const fieldsOfSchema = (schema: SchemaJson): string[] => [
      ...Object.keys(schema.properties ?? {}),
      ...(schema.allOf ?? []).flatMap((part) => fieldsOfSchema(part)),
    ];
    for (const [type, dto] of Object.entries(DATA_DTO_BY_TYPE)) {
      const branch = structured.allOf.find(({ if: condition }) =>
        [condition.properties.type.const, ...(condition.properties.type.enum ?? [])].includes(type),
      );
      const documented = branch ? [...new Set(fieldsOfSchema(branch.then.properties.data))].sort() : [];
      const validated = [
        ...new Set(
          getMetadataStorage()
            .getTargetValidationMetadatas(dto, '', true, false)
            .map((meta) => meta.propertyName),
        ),
      ].sort();
      expect({ type, fields: documented }).toEqual({ type, fields: validated });
    }
  });

  it("describes the gateway's binary mode: its ce_ headers, its key and its value (the event's data)", () => {
    const binary = message('interactions', 'interactionBinary');
    const [headers, payload] = [schemaOf(binary.headers()), schemaOf(binary.payload())];
    for (const [type, data] of Object.entries(VALID)) {
      const event = validateInteraction(interaction({ type }, data), rules);
      if (!event.ok) throw new Error(`the fixture of ${type} is not valid`);
      const encoded = encodeInteraction({ key: event.value.subject, interaction: event.value, actor: 'platform' });
      expect({ type, ...check(headers, encoded.headers) }).toEqual({ type, valid: true, errors: null });
      expect({ type, ...check(payload, JSON.parse(encoded.value)) }).toEqual({ type, valid: true, errors: null });
      expect(encoded.headers[HEADERS.actor]).toBe('platform');
    }
    expect(binary.bindings().get('kafka')?.value()).toMatchObject({ key: { pattern: expect.any(String) } });
  });

  it('names the dead-letter headers the consumer really adds, on a message it really refuses', () => {
    const deadLetter = message('deadLetters', 'deadLetter');
    const headers = schemaOf(deadLetter.headers());
    const refused = { key: Buffer.from('cust-1'), value: Buffer.from('{"specversion":"1.0"'), headers: {}, offset: '17' };
    const { dead } = sortBatch([refused as never], (raw) => validateInteraction(raw, rules));
    const [sent] = deadLetters({ topic: TOPICS.interactions, partition: 2 }, dead);
    const sentHeaders = Object.fromEntries(Object.entries(sent!.headers!).map(([name, value]) => [name, String(value)]));
    expect(Object.keys(sentHeaders).sort()).toEqual([HEADERS.dlqReason, HEADERS.dlqSource].sort());
    expect(check(headers, sentHeaders)).toEqual({ valid: true, errors: null });
    expect(check(headers, {})).toEqual({ valid: false, errors: expect.any(Array) });
  });

  it('lists exactly the decision types of the code (DECISION_TYPES)', () => {
    const payload = message('decisions', 'decision').payload()!.json() as { properties: { type: { enum: string[] } } };
    expect([...payload.properties.type.enum].sort()).toEqual([...DECISION_TYPES].sort());
  });

  it('describes every decision as the Kafka adapter publishes it, from real store events through the real mapper', () => {
    const published = decisions();
    expect(new Set(published.map((decision) => decision.type))).toEqual(new Set(DECISION_TYPES));
    const decision = message('decisions', 'decision');
    const [headers, payload] = [schemaOf(decision.headers()), schemaOf(decision.payload())];
    for (const sent of published.map(encodeDecision)) {
      const event = JSON.parse(sent.value) as { type: string; source: string };
      expect(event.source).toBe(DECISION_SOURCE);
      expect({ type: event.type, ...check(payload, event) }).toEqual({ type: event.type, valid: true, errors: null });
      expect(check(headers, sent.headers)).toEqual({ valid: true, errors: null });
    }
    const [handoff] = published;
    const broken = { ...JSON.parse(encodeDecision(handoff!).value), data: { channel: 'phone' } };
    expect(payload(broken)).toBe(false);
  });
});
