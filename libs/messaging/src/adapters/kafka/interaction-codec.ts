import { CloudEvent, Kafka } from 'cloudevents';
import type { Interaction, Validated } from '@regie/contracts';
import { invalid } from '@regie/contracts';
import type { InteractionMessage } from '../../messaging.port';
import { HEADERS } from './kafka-topics';

export type RawHeaders = Readonly<Record<string, string | undefined>>;

export interface RawKafkaMessage {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: RawHeaders;
}

const REQUIRED_BINARY = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time'];

const contentTypeOf = (headers: RawHeaders): string => (headers['content-type'] ?? headers['Content-Type'] ?? '').toLowerCase();

/**
 * A Kafka message → the raw CloudEvent attributes, before validation. Structured mode is the same
 * JSON document the HTTP API takes; binary mode is decoded by the CloudEvents SDK, after checking the
 * required `ce_` headers are there (the SDK would otherwise invent an id or time).
 */
export const decodeInteraction = (message: RawKafkaMessage): { ok: true; raw: unknown } | { ok: false; reason: string } => {
  if (!message.value) return { ok: false, reason: 'the message has no value' };
  if (contentTypeOf(message.headers).startsWith('application/cloudevents+json')) {
    try {
      return { ok: true, raw: JSON.parse(message.value.toString('utf8')) as unknown };
    } catch (error) {
      return { ok: false, reason: `structured mode: the value is not JSON (${(error as Error).message})` };
    }
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
