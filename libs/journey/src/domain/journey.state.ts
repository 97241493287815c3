import type { LayerId } from '@regie/concept';

export interface ContactSummary {
  readonly channel: string;
  readonly layer: LayerId;
  readonly topic?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly outcome?: string;
  readonly botFallbacks: number;
}

export type JourneyState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'known';
      readonly customerId: string;
      readonly contacts: Readonly<Record<string, ContactSummary>>;
      /** Channels in the order the customer first used them. */
      readonly channelsTouched: readonly string[];
      readonly lastOccurredAt: string;
      /** task → times it failed, newest last (kept for the repeated-failure rule). */
      readonly taskFailures: Readonly<Record<string, readonly string[]>>;
      /** Offers of assistance made, as `task@time` of the failure that triggered them. */
      readonly offersMade: readonly string[];
      /** Keys of access denials already recorded: one per contact and channel. */
      readonly denials: readonly string[];
    };
