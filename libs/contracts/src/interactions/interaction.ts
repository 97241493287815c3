/** The interaction events channel platforms send in (shared/DESIGN.md §3.1), as plain data. */
export const INTERACTION_TYPES = [
  'contact.started',
  'contact.ended',
  'bot.fallback',
  'handoff.requested',
  'sentiment.observed',
  'task.completed',
  'task.failed',
  'video.requested',
  'survey.answered',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const CONTACT_OUTCOMES = ['resolved', 'unresolved', 'abandoned', 'transferred'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const SURVEY_INSTRUMENTS = ['csat', 'nps', 'csi'] as const;
export type SurveyInstrument = (typeof SURVEY_INSTRUMENTS)[number];

interface ContactRef {
  readonly channel: string;
  readonly contactId: string;
}

export interface InteractionDataByType {
  'contact.started': ContactRef & { readonly topic?: string };
  'contact.ended': ContactRef & {
    readonly outcome: ContactOutcome;
    readonly handlingSeconds?: number;
    readonly waitSeconds?: number;
  };
  'bot.fallback': ContactRef & { readonly confidence?: number };
  'handoff.requested': ContactRef & { readonly reason?: string };
  'sentiment.observed': ContactRef & { readonly score: number };
  'task.completed': ContactRef & { readonly task: string };
  'task.failed': ContactRef & { readonly task: string };
  'video.requested': ContactRef & { readonly topic?: string };
  'survey.answered': ContactRef & {
    readonly instrument: SurveyInstrument;
    readonly answers: Readonly<Record<string, number>>;
  };
}

interface Envelope<T extends InteractionType> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: T;
  /** The pseudonymous customer id. */
  readonly subject: string;
  readonly time: string;
  readonly data: InteractionDataByType[T];
}

export type Interaction = { [T in InteractionType]: Envelope<T> }[InteractionType];

/** What makes two deliveries of one event the same event (CloudEvents: `id` is unique per `source`). */
export const interactionKey = (interaction: Pick<Interaction, 'source' | 'id'>): string => `${interaction.source}#${interaction.id}`;
