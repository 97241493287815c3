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
 * What decide and the escalation rules need of a journey. Everything that grows with the journey
 * (contacts, task failures, offers, denials) is a persistent map, so folding a journey is linear:
 * each event changes one path of one map instead of copying the whole record.
 */
export type JourneyState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'known';
      readonly customerId: string;
      /** contact id → summary. */
      readonly contacts: PersistentMap<ContactSummary>;
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

export const contactOf = (journey: KnownJourney, contactId: string): ContactSummary | undefined => getIn(journey.contacts, contactId);

export const taskFailuresOf = (journey: KnownJourney, task: string): readonly string[] => getIn(journey.taskFailures, task) ?? [];

export const hasOffered = (journey: KnownJourney, offerKey: string): boolean => hasIn(journey.offersMade, offerKey);

export const hasDenied = (journey: KnownJourney, denialKey: string): boolean => hasIn(journey.denials, denialKey);
