import { CloudEvent, Kafka } from 'cloudevents';
import type { Interaction, Validated } from '@regie/contracts';
import { invalid } from '@regie/contracts';
import type { DecisionMessage, InteractionMessage } from '../../messaging.port';
import { HEADERS } from './kafka-topics';

export type RawHeaders = Readonly<Record<string, string | undefined>>;

export interface RawKafkaMessage {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: RawHeaders;
}

const REQUIRED_BINARY = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time'];

const contentTypeOf = (headers: RawHeaders): string => (headers['content-type'] ?? headers['Content-Type'] ?? '').toLowerCase();

type Decoded = { ok: true; raw: unknown } | { ok: false; reason: string };

const hasCeHeaders = (headers: RawHeaders): boolean => Object.keys(headers).some((name) => name.toLowerCase().startsWith('ce_'));

const parseStructured = (value: Buffer): Decoded => {
  try {
    return { ok: true, raw: JSON.parse(value.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, reason: `structured mode: the value is not JSON (${(error as Error).message})` };
  }
};

const isCloudEventJson = (decoded: Decoded): boolean =>
  decoded.ok && typeof decoded.raw === 'object' && decoded.raw !== null && !Array.isArray(decoded.raw) && 'specversion' in decoded.raw;

/**
 * A Kafka message → the raw CloudEvent attributes, before validation. Structured mode is the same
 * JSON document the HTTP API takes: with content-type application/cloudevents+json, or, from plain
 * producers (kcat, console producers, Kafka Connect's JSON converter), with no `ce_` headers and a
 * JSON value that has `specversion` (shared/DESIGN.md §3.1). Binary mode is decoded by the
 * CloudEvents SDK, after checking the required `ce_` headers are there (the SDK would otherwise
 * invent an id or time).
 */
export const decodeInteraction = (message: RawKafkaMessage): Decoded => {
  if (!message.value) return { ok: false, reason: 'the message has no value' };
  const contentType = contentTypeOf(message.headers);
  if (contentType.startsWith('application/cloudevents+json')) return parseStructured(message.value);
  if (!hasCeHeaders(message.headers) && (contentType === '' || contentType.startsWith('application/json'))) {
    const decoded = parseStructured(message.value);
    if (isCloudEventJson(decoded)) return decoded;
    return {
      ok: false,
      reason:
        'no ce_ headers and the value is not a JSON CloudEvent with specversion: ' +
        'send structured mode (a JSON CloudEvent) or binary mode (ce_ headers)',
    };
  }
  const missing = REQUIRED_BINARY.filter((header) => !message.headers[header]);
  if (missing.length > 0)
    return {
      ok: false,
      reason: `binary mode: missing headers ${missing.join(', ')} (or send structured mode with content-type application/cloudevents+json)`,
    };
  try {
    const text = message.value.toString('utf8');
    const kafkaMessage = { key: message.key ?? '', value: text, body: text, headers: { ...message.headers } as Record<string, string> };
    const event = Kafka.toEvent(kafkaMessage as Parameters<typeof Kafka.toEvent>[0]);
    const single = Array.isArray(event) ? undefined : (event as CloudEvent<unknown>);
    if (!single) return { ok: false, reason: 'batched CloudEvents are not accepted on Kafka: one event per message' };
    const { partitionkey: _key, [HEADERS.actor.slice(3)]: _actor, ...attributes } = single.toJSON() as Record<string, unknown>;
    return { ok: true, raw: attributes };
  } catch (error) {
    return { ok: false, reason: `binary mode: ${(error as Error).message}` };
  }
};

export const describeIssues = (result: Validated<Interaction>): string =>
  result.ok ? '' : result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');

export const invalidWith = (reason: string): Validated<Interaction> => invalid([{ path: '$', message: reason }]);

/** The gateway's encoding: CloudEvents binary mode, key = customer id, actor as an extension. */
export const encodeInteraction = (message: InteractionMessage) => {
  const event = new CloudEvent({ ...message.interaction, datacontenttype: 'application/json', regieactor: message.actor });
  const encoded = Kafka.binary(event);
  return {
    key: message.key,
    value: typeof encoded.body === 'string' ? encoded.body : JSON.stringify(encoded.body),
    headers: Object.fromEntries(
      Object.entries(encoded.headers)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, String(value)]),
    ),
  };
};

/** A decision as it is published: CloudEvents structured mode, key = customer id. */
export const encodeDecision = (decision: DecisionMessage) => {
  const encoded = Kafka.structured(new CloudEvent({ ...decision, datacontenttype: 'application/json' }));
  return { key: decision.subject, value: String(encoded.value), headers: { 'content-type': 'application/cloudevents+json' } };
};
