import type { LayerId } from '@regie/concept';
import { getIn, hasIn, type PersistentMap } from './persistent-map';

export interface ContactSummary {
  readonly channel: string;
  readonly layer: LayerId;
  readonly topic?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly outcome?: string;
  readonly botFallbacks: number;
  /** The order in which the journey first saw the contact (0 for the first). */
  readonly seq: number;
}

/**
 * The contacts a journey keeps: the ones most recently active. What decide and the escalation rules
 * read of a contact (its bot fallbacks, topic, whether it ended) concerns the contacts happening now;
 * an older contact is history, kept in the store, and an event for it starts a new summary. So a
 * journey's state, and every cache of journeys, stays the same size however long the customer's history.
 */
export const KEPT_CONTACTS = 32;

/** A kept contact: its id and summary. */
export type KeptContact = readonly [contactId: string, summary: ContactSummary];

/**
 * What decide and the escalation rules need of a journey. The contacts are a short list (at most
 * KEPT_CONTACTS, least recently active first); task failures, offers and denials are persistent maps,
 * so folding a journey is linear: each event changes one path of one map instead of copying the record.
 */
export type JourneyState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'known';
      readonly customerId: string;
      /** The kept contacts, least recently active first. */
      readonly contacts: readonly KeptContact[];
      /** Per kept contact, in the same order, its id's {@link contactKey}: what a look-up compares first. */
      readonly contactKeys: readonly number[];
      /** Contacts seen over the whole journey: the next one's `seq`. */
      readonly contactsSeen: number;
      /** Channels in the order the customer first used them. */
      readonly channelsTouched: readonly string[];
      readonly lastOccurredAt: string;
      /**
       * The contact the latest event belongs to, as it stands with that event, and for a task
       * failure the task's failure times: what the escalation rules read, as plain data.
       */
      readonly latest: {
        readonly contactId: string;
        readonly contact: ContactSummary;
        readonly taskFailures?: readonly string[];
      };
      /** Bot fallbacks over all contacts. */
      readonly botFallbacks: number;
      /** The topic of the latest contact (in the order first seen) that has one. */
      readonly latestTopic?: { readonly seq: number; readonly topic: string };
      /** task → times it failed, newest last, at most ten (kept for the repeated-failure rule). */
      readonly taskFailures: PersistentMap<readonly string[]>;
      /** Offers of assistance made, as `task@time` of the failure that triggered them. */
      readonly offersMade: PersistentMap<true>;
      /** Keys of access denials already recorded: one per contact and channel. */
      readonly denials: PersistentMap<true>;
    };

export type KnownJourney = Extract<JourneyState, { status: 'known' }>;

/**
 * The shape of JourneyState and its version, as snapshots of it are saved (JSON: fields left undefined go, which
 * reads the same). Change the version with the shape: snapshots of another are not taken for a journey.
 */
export const JOURNEY_STATE_KIND = 'journey/2';

/**
 * A number for a contact id (FNV-1a, 30 bits): a look-up compares these, held side by side in one array, and only a
 * match's id. Comparing the ids themselves read each kept contact's id from wherever it lay in memory: an event that
 * starts a contact compares all 32, and that was most of a journey's fold (1.2–1.8 µs of 1.6–2.2 in a micro-benchmark
 * of the ingest bench's events, against 0.3 without the look-up).
 */
export const contactKey = (contactId: string): number => {
  let hash = 0x81_1c_9d_c5;
  for (let index = 0; index < contactId.length; index += 1) hash = Math.imul(hash ^ contactId.charCodeAt(index), 0x01_00_01_93);
  return hash & 0x3f_ff_ff_ff;
};

/** Where the contact is among the kept ones, or -1. `key`: its {@link contactKey}. */
export const contactIndex = (
  journey: Pick<KnownJourney, 'contacts' | 'contactKeys'>,
  contactId: string,
  key = contactKey(contactId),
): number => {
  const { contacts, contactKeys } = journey;
  let index = contactKeys.length - 1;
  while (index >= 0 && (contactKeys[index] !== key || contacts[index]![0] !== contactId)) index -= 1;
  return index;
};

export const contactOf = (journey: Pick<KnownJourney, 'contacts' | 'contactKeys'>, contactId: string): ContactSummary | undefined =>
  journey.contacts[contactIndex(journey, contactId)]?.[1];

/**
 * The list with `item` as its last (most recently active) one: in place of the one at `at`, or, for a new one
 * (`at` -1), added, the first going past {@link KEPT_CONTACTS}. The same for the kept contacts and their keys.
 */
export const keptWith = <Item>(items: readonly Item[], at: number, item: Item): readonly Item[] => {
  // One copy of the list whatever the case, made at its final size (a copy that grew by a push took room for half
  // as many again): most events belong to the most recently active contact, or start one.
  if (at < 0 && items.length < KEPT_CONTACTS) return items.concat([item]);
  // The contact moves to the end, or the least recently active one goes to make room: the rest move up one place.
  const kept = at < 0 ? items.slice(items.length - KEPT_CONTACTS) : items.slice();
  const leaving = at < 0 ? 0 : at;
  // A plain loop: Array.prototype.copyWithin took 0.9 µs for these 32 places, the loop 0.05.
  for (let index = leaving; index < kept.length - 1; index += 1) kept[index] = kept[index + 1]!;
  kept[kept.length - 1] = item;
  return kept;
};

export const taskFailuresOf = (journey: KnownJourney, task: string): readonly string[] => getIn(journey.taskFailures, task) ?? [];

export const hasOffered = (journey: KnownJourney, offerKey: string): boolean => hasIn(journey.offersMade, offerKey);

export const hasDenied = (journey: KnownJourney, denialKey: string): boolean => hasIn(journey.denials, denialKey);
