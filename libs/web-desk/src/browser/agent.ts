/// <reference lib="dom" />
import { html } from 'lit-html';
import { caseDetailView } from './agent/case-detail';
import { caseListView } from './agent/case-list';
import { presenceView } from './agent/presence';
import { newAgentState, type AgentState } from './agent/state';
import { get } from './core/api';
import { t } from './core/i18n';
import { runPage, type PageContext } from './core/page';
import { followStream } from './core/sse';
import type { CaseView, QueueSummary } from './core/types';
import { feedbackOf } from './core/ui';

const QUEUE_REFRESH_MS = 3000;
/** The oldest this many per channel are listed to claim from; the count says how many wait in all. */
export const QUEUE_SHOWN_PER_CHANNEL = 25;

let state: AgentState;

/** A new assignment, announced; one already shown (the stream sends what I hold on every connect) is refreshed. */
const assigned = (view: CaseView, context: PageContext): void => {
  const known = state.mine.has(view.id);
  state.mine.set(view.id, view);
  state.queued = state.queued.filter((queued) => queued.id !== view.id);
  if (known) return context.update();
  context.announce(t('mine.arrived', { channel: context.labels.channel(view.channel), customer: view.customerId }));
};

const refreshQueue = async (context: PageContext): Promise<void> => {
  try {
    await context.labelsReady;
    const serving = state.presence?.channels ?? context.labels.served().map((channel) => channel.id);
    const [queues, ...lists] = await Promise.all([
      get<{ items: QueueSummary[] }>('/v1/queues'),
      ...serving.map((channel) =>
        get<{ items: CaseView[] }>(`/v1/cases?status=queued&channel=${encodeURIComponent(channel)}&limit=${QUEUE_SHOWN_PER_CHANNEL}`),
      ),
    ]);
    state.queued = lists.flatMap((list) => list.items).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    state.waiting = queues.items.filter((queue) => serving.includes(queue.channel)).reduce((sum, queue) => sum + queue.waiting, 0);
    state.queueFeedback = undefined;
  } catch (error) {
    state.queueFeedback = feedbackOf(error);
  }
  state.queueAnswered = true;
  context.update();
};

runPage({
  path: '/agent',
  title: 'agent.title',
  roles: ['agent'],
  start(context) {
    state = newAgentState(context.session.sub);
    void followStream(
      '/v1/cases/stream',
      (event) => {
        if (event.type === 'case.assigned') assigned(JSON.parse(event.data) as CaseView, context);
      },
      (status) => {
        // The first 'connecting' is the state the page starts in: no render for it, so that the queue is asked for first.
        if (status === state.stream) return;
        state.stream = status;
        // Before the queue's first answer, the page renders once, with it: one render of the whole page, not two.
        if (state.queueAnswered) context.update();
      },
      context.signal,
    );
    const poll = (): void => {
      if (context.signal.aborted) return;
      void refreshQueue(context).finally(() => setTimeout(poll, QUEUE_REFRESH_MS));
    };
    poll();
  },
  view(context) {
    if (!state) return html`<p>${t('loading')}</p>`;
    return html`
      ${presenceView(state, context)}
      <div class="columns">
        <div class="column-list">${caseListView(state, context)}</div>
        <div class="column-detail">${caseDetailView(state, context)}</div>
      </div>
    `;
  },
});
