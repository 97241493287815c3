/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { get, getAll } from '../core/api';
import { dateTime } from '../core/format';
import { hasText, t, tOr } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { CaseView, Eligibility, JourneyEntry } from '../core/types';
import { feedbackOf, feedbackView, focusSoon } from '../core/ui';
import { caseActionsView } from './case-actions';
import { reportFormView } from './report-form';
import { caseOf, type AgentState } from './state';

const loadDetail = async (view: CaseView, state: AgentState, context: PageContext): Promise<void> => {
  const customer = encodeURIComponent(view.customerId);
  try {
    const [journey, eligibility] = await Promise.all([
      getAll<JourneyEntry>(`/v1/customers/${customer}/journey`, 'entries'),
      Promise.all(
        context.labels
          .channelsAbove(view.layer)
          .map((channel) => get<Eligibility>(`/v1/customers/${customer}/eligibility?channel=${encodeURIComponent(channel.id)}`)),
      ),
    ]);
    if (state.selected === view.id) state.detail = { caseId: view.id, journey, eligibility };
  } catch (error) {
    if (state.selected === view.id) state.detail = { caseId: view.id, error: feedbackOf(error) };
  }
  context.update();
};

/** Opens a case: its story at once, then the journey and where it may go next, as they load. */
export const openCase = (caseId: string, state: AgentState, context: PageContext): void => {
  const view = caseOf(state, caseId);
  if (!view) return;
  state.selected = caseId;
  state.detail = { caseId };
  state.actionFeedback = undefined;
  state.reportFeedback = undefined;
  context.update();
  focusSoon('case-title');
  void loadDetail(view, state, context);
};

const timeline = (entries: readonly JourneyEntry[], context: PageContext) => html`
  <ol class="timeline" aria-label=${t('journey.title')}>
    ${entries.map(
      (entry) =>
        html`<li>
          <time datetime=${entry.time}>${dateTime(entry.time)}</time>
          <span
            ><span class="layer">${context.labels.channel(entry.channel)}</span>
            <span class="muted">(${context.labels.layer(entry.layer)})</span></span
          >
          <span>${tOr(`event.${entry.type}`, entry.type)}</span>
          <span class="muted">${t('journey.contact', { contact: entry.contactId })}</span>
        </li>`,
    )}
  </ol>
`;

/**
 * The trigger in the reader's language. The server's reason repeats it in English, except for what only it can
 * say: an agent's own words, or the channel offered instead of one closed to the customer (after the first `;`).
 */
const reasonView = (view: CaseView) => {
  if (!view.trigger || view.trigger === 'agent-escalation' || !hasText(`trigger.${view.trigger}`)) {
    return html`${view.trigger ? html`<strong>${tOr(`trigger.${view.trigger}`, view.trigger)}</strong>: ` : nothing}${view.reason}`;
  }
  const extra = view.reason.includes(';') ? view.reason.slice(view.reason.indexOf(';') + 1).trim() : '';
  return html`<strong>${tOr(`trigger.${view.trigger}`, view.trigger)}</strong>${extra ? html` (${extra})` : nothing}`;
};

const contextView = (view: CaseView, context: PageContext) => html`
  <dl class="facts">
    <dt>${t('case.reason')}</dt>
    <dd>${reasonView(view)}</dd>
    <dt>${t('case.channel')}</dt>
    <dd>${context.labels.channel(view.channel)} (${context.labels.layer(view.layer)})</dd>
    <dt>${t('case.topic')}</dt>
    <dd>${view.context.topic ?? t('case.noTopic')}</dd>
    <dt>${t('case.channelsTouched')}</dt>
    <dd>${view.context.channelsTouched.map((channel) => context.labels.channel(channel)).join(', ') || '—'}</dd>
    <dt>${t('case.botFailures')}</dt>
    <dd>${view.context.botFailures}</dd>
    <dt>${t('case.earlierCases')}</dt>
    <dd>${view.context.earlierCases.length ? view.context.earlierCases.join(', ') : t('case.noEarlierCases')}</dd>
    <dt>${t('case.from')}</dt>
    <dd>${context.labels.channel(view.context.fromChannel)} · ${view.context.fromContactId}</dd>
    <dt>${t('case.opened')}</dt>
    <dd>${dateTime(view.openedAt)}</dd>
  </dl>
`;

/** The case: who, why it came to me, the customer's journey across channels, and what I can do. */
export const caseDetailView = (state: AgentState, context: PageContext) => {
  const view = caseOf(state, state.selected);
  if (!view) {
    return html`<section class="panel detail" aria-labelledby="case-title">
      <h2 id="case-title" tabindex="-1">${t('case.title')}</h2>
      <p>${t('case.pick')}</p>
    </section>`;
  }
  const detail = state.detail?.caseId === view.id ? state.detail : undefined;
  return html`
    <section class="panel detail" aria-labelledby="case-title">
      <h2 id="case-title" tabindex="-1">${t('case.of', { customer: view.customerId })}</h2>
      <p>
        <span class=${`status status-${view.status}`}>${t(`case.status.${view.status}`)}</span>
        ${view.outcome ? html` · ${tOr(`outcome.${view.outcome}`, view.outcome)}` : nothing}
      </p>
      ${contextView(view, context)}
      <h3>${t('journey.title')}</h3>
      ${detail?.journey ? timeline(detail.journey, context) : detail?.error ? feedbackView(detail.error) : html`<p>${t('loading')}</p>`}
      ${caseActionsView(view, detail, state, context)} ${detail?.journey ? reportFormView(view, detail.journey, state, context) : nothing}
    </section>
  `;
};
