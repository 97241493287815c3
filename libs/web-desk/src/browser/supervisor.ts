/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { get, getAll } from './core/api';
import { t } from './core/i18n';
import { runPage, type PageContext } from './core/page';
import type { AggressionReport, ConceptForDesk, Exclusion, QueueSummary } from './core/types';
import { feedbackOf } from './core/ui';
import { exclusionsView } from './supervisor/exclusions';
import { historyView, loadHistory } from './supervisor/history';
import { inboxView } from './supervisor/inbox';
import { queuesView } from './supervisor/queues';
import { newSupervisorState, type SupervisorState } from './supervisor/state';

const QUEUES_REFRESH_MS = 2000;
const SAFETY_REFRESH_MS = 10_000;

const state: SupervisorState = newSupervisorState();

const refreshQueues = async (context: PageContext): Promise<void> => {
  try {
    state.queues = (await get<{ items: QueueSummary[] }>('/v1/queues')).items;
    state.queuesAt = Date.now();
    state.queuesFeedback = undefined;
  } catch (error) {
    state.queuesFeedback = feedbackOf(error);
  }
  context.update();
};

/**
 * A supervisor's first screen is the queues: until their first answer the page keeps what else arrives and
 * renders once, with the queues, rather than once per answer. An auditor sees no queues.
 */
const render = (context: PageContext): void => {
  if (!context.has('supervisor') || state.queuesAt !== undefined || state.queuesFeedback !== undefined) context.update();
};

const refreshSafety = async (context: PageContext): Promise<void> => {
  const loads: Promise<void>[] = [
    getAll<Exclusion>('/v1/exclusions').then(
      (items) => ((state.exclusions = items), (state.exclusionsFeedback = undefined)),
      (error: unknown) => void (state.exclusionsFeedback = feedbackOf(error)),
    ),
  ];
  if (context.has('supervisor')) {
    loads.push(
      getAll<AggressionReport>('/v1/aggression-reports?status=open').then(
        (items) => ((state.reports = items), (state.reportsFeedback = undefined)),
        (error: unknown) => void (state.reportsFeedback = feedbackOf(error)),
      ),
    );
  }
  await Promise.all(loads);
  if (state.historyCustomer) await loadHistory(state.historyCustomer, state, context);
  render(context);
};

/** Runs `task` now and then every `ms`, until the page is left. */
const every = (ms: number, context: PageContext, task: () => Promise<void>): void => {
  const run = (): void => {
    if (!context.signal.aborted) void task().finally(() => setTimeout(run, ms));
  };
  run();
};

runPage({
  path: '/supervisor',
  title: 'supervisor.title',
  roles: ['supervisor', 'auditor'],
  start(context) {
    state.reload = () => void refreshSafety(context);
    if (context.has('supervisor')) {
      get<ConceptForDesk>('/v1/service-concept').then(
        (concept) => ((state.concept = concept), render(context)),
        (error: unknown) => ((state.queuesFeedback = feedbackOf(error)), context.update()),
      );
      every(QUEUES_REFRESH_MS, context, () => refreshQueues(context));
    }
    every(SAFETY_REFRESH_MS, context, () => refreshSafety(context));
  },
  view(context) {
    const supervisor = context.has('supervisor');
    return html`
      ${supervisor ? queuesView(state, context) : html`<p>${t('supervisor.auditorOnly')}</p>`}
      ${supervisor ? inboxView(state, context) : nothing} ${exclusionsView(state, context)} ${historyView(state, context)}
    `;
  },
});
