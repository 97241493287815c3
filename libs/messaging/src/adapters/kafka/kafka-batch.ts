import type { Interaction, Validated } from '@regie/contracts';
import type { Batch, IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { InteractionMessage } from '../../messaging.port';
import { decodeInteraction, describeIssues, invalidWith, type RawHeaders } from './interaction-codec';
import { HEADERS } from './kafka-topics';

export interface DeadMessage {
  readonly message: KafkaMessage;
  readonly reason: string;
  /** `malformed`: not readable as a CloudEvent; `invalid`: read, but against the contract or the concept. */
  readonly kind: 'malformed' | 'invalid';
}

export const headerText = (headers: IHeaders | undefined): RawHeaders =>
  Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map(String).join(',') : value?.toString()]),
  );

/** Splits a consumed batch into interactions to record and messages for the dead-letter topic, each with its reason. */
export const sortBatch = (
  messages: readonly KafkaMessage[],
  validate: (raw: unknown) => Validated<Interaction>,
): { valid: InteractionMessage[]; dead: DeadMessage[] } => {
  const valid: InteractionMessage[] = [];
  const dead: DeadMessage[] = [];
  for (const message of messages) {
    const headers = headerText(message.headers);
    const decoded = decodeInteraction({ key: message.key?.toString() ?? null, value: message.value, headers });
    const result = decoded.ok ? validate(decoded.raw) : invalidWith(decoded.reason);
    if (result.ok) {
      const actor = headers[HEADERS.actor] ?? `kafka:${result.value.source}`;
      valid.push({ key: result.value.subject, interaction: result.value, actor });
    } else dead.push({ message, reason: describeIssues(result), kind: decoded.ok ? 'invalid' : 'malformed' });
  }
  return { valid, dead };
};

/** The original bytes and headers, with why they were refused and where they came from. */
export const deadLetters = (batch: Pick<Batch, 'topic' | 'partition'>, dead: readonly DeadMessage[]): Message[] =>
  dead.map(({ message, reason }) => ({
    key: message.key,
    value: message.value,
    headers: {
      ...(message.headers ?? {}),
      [HEADERS.dlqReason]: reason.slice(0, 4000),
      [HEADERS.dlqSource]: `${batch.topic}/${batch.partition}/${message.offset}`,
    },
  }));
