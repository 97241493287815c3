/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { post } from '../core/api';
import { date } from '../core/format';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { CaseView } from '../core/types';
import { feedbackOf, feedbackView, formFields, text } from '../core/ui';
import type { AgentState, CaseDetail } from './state';

const settle = (view: CaseView, state: AgentState, context: PageContext, change: Partial<CaseView>, done: string): void => {
  state.mine.set(view.id, { ...view, ...change });
  state.actionFeedback = { kind: 'done', text: done };
  context.announce(done);
};

const escalate = async (event: Event, view: CaseView, state: AgentState, context: PageContext): Promise<void> => {
  const { data } = formFields(event);
  try {
    const result = await post<{ toChannel: string }>(`/v1/cases/${encodeURIComponent(view.id)}/escalate`, {
      toChannel: text(data, 'toChannel'),
      reason: text(data, 'reason'),
    });
    settle(
      view,
      state,
      context,
      { status: 'resolved', outcome: 'escalated' },
      t('escalate.done', { channel: context.labels.channel(result.toChannel) }),
    );
  } catch (error) {
    state.actionFeedback = feedbackOf(error);
    context.update();
  }
};

const resolve = async (event: Event, view: CaseView, state: AgentState, context: PageContext): Promise<void> => {
  const { data } = formFields(event);
  const outcome = text(data, 'outcome');
  try {
    await post(`/v1/cases/${encodeURIComponent(view.id)}/resolve`, { outcome });
    settle(view, state, context, { status: 'resolved', outcome }, t('resolve.done', { outcome: t(`outcome.${outcome as 'resolved'}`) }));
  } catch (error) {
    state.actionFeedback = feedbackOf(error);
    context.update();
  }
};

const escalateForm = (view: CaseView, detail: CaseDetail | undefined, state: AgentState, context: PageContext) => {
  if (!detail?.eligibility) return html`<p>${t('loading')}</p>`;
  const open = detail.eligibility.filter((answer) => answer.allowed);
  const closed = detail.eligibility.filter((answer) => !answer.allowed);
  return html`
    <form class="action" @submit=${(event: Event) => void escalate(event, view, state, context)}>
      <h4>${t('escalate.title')}</h4>
      ${
        open.length === 0
          ? html`<p>${t('escalate.none')}</p>`
          : html`<label for="escalate-to">${t('escalate.to')}</label>
              <select id="escalate-to" name="toChannel" required>
                ${open.map(
                  (answer) =>
                    html`<option value=${answer.channel}>
                      ${context.labels.channel(answer.channel)} (${context.labels.layer(context.labels.layerOf(answer.channel) ?? '')})
                    </option>`,
                )}
              </select>
              <label for="escalate-reason">${t('escalate.reason')}</label>
              <textarea id="escalate-reason" name="reason" required maxlength="500" rows="2"></textarea>
              <button type="submit">${t('escalate.submit')}</button>`
      }
      ${
        closed.length
          ? html`<p class="muted">
              ${t('escalate.closed')}
              ${closed
                .map((answer) => `${context.labels.channel(answer.channel)} (${t('escalate.closedUntil', { date: date(answer.endsAt) })})`)
                .join(', ')}
            </p>`
          : nothing
      }
    </form>
  `;
};

/** Escalate up the pyramid (only to channels open to this customer) or resolve: only for my own assigned case. */
export const caseActionsView = (view: CaseView, detail: CaseDetail | undefined, state: AgentState, context: PageContext) => {
  if (view.status !== 'assigned' || view.assignee !== context.session.sub) return feedbackView(state.actionFeedback);
  return html`
    <h3>${t('actions.title')}</h3>
    ${feedbackView(state.actionFeedback)}
    <div class="actions">
      <form class="action" @submit=${(event: Event) => void resolve(event, view, state, context)}>
        <fieldset>
          <legend>${t('resolve.title')}</legend>
          <label class="choice"><input type="radio" name="outcome" value="resolved" checked /> ${t('outcome.resolved')}</label>
          <label class="choice"><input type="radio" name="outcome" value="unresolved" /> ${t('outcome.unresolved')}</label>
        </fieldset>
        <button type="submit">${t('resolve.submit')}</button>
      </form>
      ${escalateForm(view, detail, state, context)}
    </div>
  `;
};
