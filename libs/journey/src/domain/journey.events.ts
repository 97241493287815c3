import type { DomainEvent } from '@regie/eventsourcing';
import type { LayerId } from '@regie/concept';

/** What every journey event says about where it happened. */
export interface JourneyEventBase {
  readonly customerId: string;
  readonly contactId: string;
  readonly channel: string;
  readonly layer: LayerId;
  /** When it happened on the channel (the CloudEvent `time`), not when it was recorded. */
  readonly occurredAt: string;
}

export type ContactStarted = DomainEvent<'ContactStarted', JourneyEventBase & { readonly topic?: string }>;
export type ContactEnded = DomainEvent<
  'ContactEnded',
  JourneyEventBase & {
    readonly outcome: 'resolved' | 'unresolved' | 'abandoned' | 'transferred';
    readonly handlingSeconds?: number;
    readonly waitSeconds?: number;
  }
>;
export type BotFallbackOccurred = DomainEvent<'BotFallbackOccurred', JourneyEventBase & { readonly confidence?: number }>;
export type HandoffRequested = DomainEvent<'HandoffRequested', JourneyEventBase & { readonly reason?: string }>;
export type SentimentObserved = DomainEvent<'SentimentObserved', JourneyEventBase & { readonly score: number }>;
export type TaskCompleted = DomainEvent<'TaskCompleted', JourneyEventBase & { readonly task: string }>;
export type TaskFailed = DomainEvent<'TaskFailed', JourneyEventBase & { readonly task: string }>;
export type VideoRequested = DomainEvent<'VideoRequested', JourneyEventBase & { readonly topic?: string }>;
export type SurveyAnswered = DomainEvent<
  'SurveyAnswered',
  JourneyEventBase & { readonly instrument: 'csat' | 'nps' | 'csi'; readonly answers: Readonly<Record<string, number>> }
>;

/** Regie's own step in the journey: after repeated self-service failures, help is offered. */
export type AssistanceOffered = DomainEvent<
  'AssistanceOffered',
  JourneyEventBase & { readonly task: string; readonly offeredChannel: string; readonly offerKey: string; readonly failures: number }
>;

/** Regie's own step: the customer asked for, or turned up on, a channel an exclusion closes to them. */
export type AccessDenied = DomainEvent<
  'AccessDenied',
  JourneyEventBase & { readonly deniedChannel: string; readonly alternatives: readonly string[]; readonly denialKey: string }
>;

export type JourneyEvent =
  | ContactStarted
  | ContactEnded
  | BotFallbackOccurred
  | HandoffRequested
  | SentimentObserved
  | TaskCompleted
  | TaskFailed
  | VideoRequested
  | SurveyAnswered
  | AssistanceOffered
  | AccessDenied;

export type JourneyEventType = JourneyEvent['type'];

export const JOURNEY_EVENT_TYPES: readonly JourneyEventType[] = [
  'ContactStarted',
  'ContactEnded',
  'BotFallbackOccurred',
  'HandoffRequested',
  'SentimentObserved',
  'TaskCompleted',
  'TaskFailed',
  'VideoRequested',
  'SurveyAnswered',
  'AssistanceOffered',
  'AccessDenied',
];

export const journeyStream = (customerId: string): string => `journey-${customerId}`;
