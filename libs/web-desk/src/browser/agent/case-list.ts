/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { post } from '../core/api';
import { duration, secondsSince } from '../core/format';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { CaseView } from '../core/types';
import { feedbackOf, feedbackView } from '../core/ui';
import { openCase } from './case-detail';
import type { AgentState } from './state';

const claim = async (view: CaseView, state: AgentState, context: PageContext): Promise<void> => {
  try {
    await post(`/v1/cases/${encodeURIComponent(view.id)}/claim`, {});
    state.queueFeedback = { kind: 'done', text: t('queue.claimed', { channel: context.labels.channel(view.channel) }) };
    state.queued = state.queued.filter((queued) => queued.id !== view.id);
    state.waiting = Math.max(0, state.waiting - 1);
    state.mine.set(view.id, { ...view, status: 'assigned', assignee: context.session.sub });
    openCase(view.id, state, context);
  } catch (error) {
    state.queueFeedback = feedbackOf(error);
    context.update();
  }
};

const caseButton = (view: CaseView, state: AgentState, context: PageContext) => html`
  <button
    type="button"
    class="case-link"
    aria-pressed=${state.selected === view.id ? 'true' : 'false'}
    @click=${() => openCase(view.id, state, context)}
  >
    <span class="case-channel">${context.labels.channel(view.channel)}</span>
    <span>${t('case.customer', { customer: view.customerId })}</span>
    <span class="muted">${view.context.topic ?? t('case.noTopic')}</span>
    <span class=${`status status-${view.status}`}>${t(`case.status.${view.status}`)}</span>
  </button>
`;

/** My cases, live from the stream, and the cases waiting in the channels I serve. */
export const caseListView = (state: AgentState, context: PageContext) => {
  const mine = [...state.mine.values()].sort((a, b) => (b.assignedAt ?? b.openedAt).localeCompare(a.assignedAt ?? a.openedAt));
  return html`
    <section aria-labelledby="mine-title" class="panel">
      <h2 id="mine-title">${t('mine.title')}</h2>
      <p class="muted" role="status">${t(`stream.${state.stream}`)}</p>
      ${
        mine.length === 0
          ? html`<p>${t('mine.none')}</p>`
          : html`<ul class="cases" id="my-cases">
              ${repeat(
                mine,
                (view) => view.id,
                (view) => html`<li>${caseButton(view, state, context)}</li>`,
              )}
            </ul>`
      }
    </section>
    <section aria-labelledby="queue-title" class="panel">
      <h2 id="queue-title">${t('queue.title')}</h2>
      ${feedbackView(state.queueFeedback)}
      ${state.waiting > state.queued.length ? html`<p class="muted" id="queue-count">${t('queue.shown', { shown: state.queued.length, total: state.waiting })}</p>` : nothing}
      ${
        state.queued.length === 0
          ? html`<p>${t('queue.none')}</p>`
          : html`<ul class="cases">
              ${repeat(
                state.queued,
                (view) => view.id,
                (view) =>
                  html`<li>
                    ${caseButton(view, state, context)}
                    <span class="muted">${t('queue.waiting', { wait: duration(secondsSince(view.openedAt)) })}</span>
                    <button type="button" @click=${() => void claim(view, state, context)}>
                      ${t('queue.claim')}<span class="visually-hidden"> ${view.customerId}</span>
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${state.presence ? nothing : html`<p class="muted">${t('queue.setPresence')}</p>`}
    </section>
  `;
};
