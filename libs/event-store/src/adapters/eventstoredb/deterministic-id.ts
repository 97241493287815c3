import { createHash } from 'node:crypto';

/** RFC 4122 name-based UUID (version 5, SHA-1) in Regie's own namespace. */
const NAMESPACE = Buffer.from('6f1d2a4e0b7c4d5e9a3b8c7d6e5f4a3b', 'hex');

/**
 * The EventStoreDB event id of an event with this idempotency key: the same source event always
 * gets the same id, so EventStoreDB itself recognises a retried append.
 */
export const deterministicEventId = (idempotencyKey: string): string => {
  const hash = createHash('sha1').update(NAMESPACE).update(idempotencyKey, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
