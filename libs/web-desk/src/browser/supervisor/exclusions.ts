/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { post } from '../core/api';
import { date } from '../core/format';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { Exclusion } from '../core/types';
import { feedbackOf, feedbackView, focusSoon, formFields, text } from '../core/ui';
import type { SupervisorState } from './state';

const lift = async (event: Event, exclusion: Exclusion, state: SupervisorState, context: PageContext): Promise<void> => {
  const { data } = formFields(event);
  try {
    await post(`/v1/exclusions/${encodeURIComponent(exclusion.id)}/lift`, { reason: text(data, 'reason') });
    state.liftFeedback.delete(exclusion.id);
    state.exclusionsNotice = { kind: 'done', text: t('lift.done', { customer: exclusion.customerId }) };
    context.announce(state.exclusionsNotice.text);
    state.reload?.();
    focusSoon('exclusions-title');
  } catch (error) {
    state.liftFeedback.set(exclusion.id, feedbackOf(error));
    context.update();
  }
};

const channelList = (channels: readonly string[], context: PageContext) =>
  channels.map((channel) => context.labels.channel(channel)).join(', ') || '—';

const exclusionCard = (exclusion: Exclusion, state: SupervisorState, context: PageContext) => html`
  <article class="exclusion-card" aria-labelledby=${`exclusion-${exclusion.id}`}>
    <h3 id=${`exclusion-${exclusion.id}`}>${t('case.customer', { customer: exclusion.customerId })}</h3>
    <dl class="facts">
      <dt>${t('exclusion.channels')}</dt>
      <dd>${channelList(exclusion.channels, context)}</dd>
      <dt>${t('exclusion.period')}</dt>
      <dd>${t('exclusion.fromTo', { from: date(exclusion.startsAt), to: date(exclusion.endsAt) })}</dd>
      <dt>${t('exclusion.alternatives')}</dt>
      <dd>${channelList(exclusion.alternatives, context)}</dd>
      <dt>${t('exclusion.reason')}</dt>
      <dd>${exclusion.reason}</dd>
      <dt>${t('exclusion.by')}</dt>
      <dd>${exclusion.registeredBy}</dd>
    </dl>
    ${
      context.has('supervisor')
        ? html`<form class="decision" @submit=${(event: Event) => void lift(event, exclusion, state, context)}>
            <label for=${`lift-${exclusion.id}`}>${t('lift.reason')}</label>
            <textarea id=${`lift-${exclusion.id}`} name="reason" required maxlength="1000" rows="2"></textarea>
            <button type="submit">${t('lift.submit')}</button>
            ${feedbackView(state.liftFeedback.get(exclusion.id))}
          </form>`
        : nothing
    }
  </article>
`;

/** Exclusions in force, each with lift (supervisors); auditors read them. */
export const exclusionsView = (state: SupervisorState, context: PageContext) => {
  const inForce = state.exclusions.filter((exclusion) => exclusion.inForce);
  return html`
    <section aria-labelledby="exclusions-title" class="panel">
      <h2 id="exclusions-title" tabindex="-1">${t('exclusions.title')}</h2>
      ${feedbackView(state.exclusionsFeedback)} ${feedbackView(state.exclusionsNotice)}
      ${
        inForce.length === 0
          ? html`<p>${t('exclusions.none')}</p>`
          : repeat(
              inForce,
              (exclusion) => exclusion.id,
              (exclusion) => exclusionCard(exclusion, state, context),
            )
      }
    </section>
  `;
};
