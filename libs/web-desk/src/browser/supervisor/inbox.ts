/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { post } from '../core/api';
import { dateTime } from '../core/format';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { AggressionReport } from '../core/types';
import { all, feedbackOf, feedbackView, focusSoon, formFields, text } from '../core/ui';
import { excludeFields } from './exclude-form';
import { endOfDay } from './exclusion-dates';
import type { Decision, SupervisorState } from './state';

const DECISIONS: readonly Decision[] = ['dismiss', 'warn', 'exclude'];

const requestOf = (decision: Decision, report: AggressionReport, data: FormData): [string, object] => {
  const reason = text(data, 'reason');
  if (decision !== 'exclude') return [`/v1/aggression-reports/${encodeURIComponent(report.id)}/${decision}`, { reason }];
  const endsAt = text(data, 'endsAt');
  return [
    '/v1/exclusions',
    {
      customerId: report.customerId,
      channels: all(data, 'channels'),
      endsAt: endsAt ? endOfDay(endsAt) : '',
      reason,
      reportIds: all(data, 'reportIds'),
      alternatives: all(data, 'alternatives'),
    },
  ];
};

const decide = async (event: Event, decision: Decision, report: AggressionReport, state: SupervisorState, context: PageContext) => {
  const { data } = formFields(event);
  const [path, body] = requestOf(decision, report, data);
  try {
    await post(path, body);
    state.deciding.delete(report.id);
    state.decisionFeedback.delete(report.id);
    state.inboxFeedback = { kind: 'done', text: t(`decided.${decision}`, { customer: report.customerId }) };
    context.announce(state.inboxFeedback.text);
    state.reload?.();
    focusSoon('inbox-title');
  } catch (error) {
    state.decisionFeedback.set(report.id, feedbackOf(error));
    context.update();
    focusSoon(`decision-feedback-${report.id}`);
  }
};

const decisionForm = (decision: Decision, report: AggressionReport, state: SupervisorState, context: PageContext) => {
  const id = `${decision}-${report.id}`;
  return html`
    <form class="decision" @submit=${(event: Event) => void decide(event, decision, report, state, context)}>
      <h4>${t(`decide.${decision}`)}</h4>
      ${decision === 'exclude' ? excludeFields(report, state, context) : nothing}
      <label for=${`${id}-reason`}>${t('decide.reason')}</label>
      <textarea id=${`${id}-reason`} name="reason" required maxlength="1000" rows="2"></textarea>
      <button type="submit">${t(`decide.submit.${decision}`)}</button>
    </form>
  `;
};

const reportCard = (report: AggressionReport, state: SupervisorState, context: PageContext) => {
  const open = state.deciding.get(report.id);
  return html`
    <article class="report-card" aria-labelledby=${`report-${report.id}`}>
      <h3 id=${`report-${report.id}`}>
        ${t(`category.${report.category as 'other'}`)} · ${t('case.customer', { customer: report.customerId })}
      </h3>
      <dl class="facts">
        <dt>${t('report.contact')}</dt>
        <dd>${context.labels.channel(report.channel)} · ${report.contactId}</dd>
        <dt>${t('report.by')}</dt>
        <dd>${report.reportedBy}, ${dateTime(report.reportedAt)}</dd>
        <dt>${t('report.description')}</dt>
        <dd>${report.description ?? '—'}</dd>
      </dl>
      <div class="buttons" role="group" aria-label=${t('decide.title')}>
        ${DECISIONS.map(
          (decision) =>
            html`<button
              type="button"
              aria-expanded=${open === decision ? 'true' : 'false'}
              @click=${() => {
                state.deciding.set(report.id, decision);
                state.decisionFeedback.delete(report.id);
                context.update();
              }}
            >
              ${t(`decide.${decision}`)}
            </button>`,
        )}
      </div>
      ${feedbackView(state.decisionFeedback.get(report.id), `decision-feedback-${report.id}`)}
      ${open ? decisionForm(open, report, state, context) : nothing}
    </article>
  `;
};

/** Open aggression reports, each with dismiss / warn / exclude; a refusal (four eyes) is shown where it happened. */
export const inboxView = (state: SupervisorState, context: PageContext) => html`
  <section aria-labelledby="inbox-title" class="panel">
    <h2 id="inbox-title" tabindex="-1">${t('inbox.title')}</h2>
    ${feedbackView(state.reportsFeedback)} ${feedbackView(state.inboxFeedback)}
    ${
      state.reports.length === 0
        ? html`<p>${t('inbox.none')}</p>`
        : repeat(
            state.reports,
            (report) => report.id,
            (report) => reportCard(report, state, context),
          )
    }
  </section>
`;
