import type { StreamStatus } from '../core/sse';
import type { Feedback } from '../core/ui';
import type { CaseView, Eligibility, JourneyEntry } from '../core/types';

export type PresenceStatus = 'available' | 'away' | 'offline';

export interface Presence {
  readonly status: PresenceStatus;
  readonly channels: readonly string[];
  readonly capacity: Readonly<Record<string, number>>;
}

export interface CaseDetail {
  readonly caseId: string;
  readonly journey?: readonly JourneyEntry[];
  readonly eligibility?: readonly Eligibility[];
  readonly error?: Feedback;
}

/** Everything the agent's page shows; the page renders from it after every change. */
export interface AgentState {
  presence?: Presence;
  presenceFeedback?: Feedback;
  stream: StreamStatus;
  /** Cases assigned to me (from the stream), with what I did to them since. */
  readonly mine: Map<string, CaseView>;
  /** The oldest waiting in each channel I serve, oldest first. */
  queued: readonly CaseView[];
  /** How many wait in those channels in all, listed or not. */
  waiting: number;
  queueFeedback?: Feedback;
  /** The first answer about the queue is in (its cases, or why not): until then the stream's status is kept, not rendered. */
  queueAnswered?: boolean;
  selected?: string;
  detail?: CaseDetail;
  actionFeedback?: Feedback;
  reportFeedback?: Feedback;
}

const presenceKey = (sub: string) => `regie.desk.presence.${sub}`;

/** The API takes presence but does not give it back: the page remembers what this tab last set. */
export const rememberedPresence = (sub: string): Presence | undefined => {
  const saved = sessionStorage.getItem(presenceKey(sub));
  return saved ? (JSON.parse(saved) as Presence) : undefined;
};

export const rememberPresence = (sub: string, presence: Presence): void =>
  sessionStorage.setItem(presenceKey(sub), JSON.stringify(presence));

export const newAgentState = (sub: string): AgentState => {
  const presence = rememberedPresence(sub);
  return { stream: 'connecting', mine: new Map(), queued: [], waiting: 0, ...(presence && { presence }) };
};

/** The case shown in detail: mine, or one waiting in a queue. */
export const caseOf = (state: AgentState, caseId: string | undefined): CaseView | undefined =>
  caseId === undefined ? undefined : (state.mine.get(caseId) ?? state.queued.find((view) => view.id === caseId));
