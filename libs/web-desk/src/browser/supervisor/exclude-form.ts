/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { AggressionReport } from '../core/types';
import { exclusionDateBounds } from './exclusion-dates';
import type { SupervisorState } from './state';

const checkboxes = (name: string, id: string, channels: readonly { id: string; label: string }[], checked: readonly string[]) =>
  channels.map(
    (channel) =>
      html`<label class="choice">
        <input type="checkbox" name=${name} value=${channel.id} id=${`${id}-${channel.id}`} ?checked=${checked.includes(channel.id)} />
        ${channel.label}
      </label>`,
  );

/** Exclude: which channels, until when (within the concept's maximum), why, what is offered instead, on which reports. */
export const excludeFields = (report: AggressionReport, state: SupervisorState, context: PageContext) => {
  const safety = state.concept?.safety ?? { maxExclusionDays: 365, defaultChannels: ['video'] };
  const bounds = exclusionDateBounds(safety.maxExclusionDays);
  const id = `exclude-${report.id}`;
  const sameCustomer = state.reports.filter((other) => other.customerId === report.customerId);
  return html`
    <fieldset>
      <legend>${t('exclude.reports')}</legend>
      ${sameCustomer.map(
        (other) =>
          html`<label class="choice">
            <input type="checkbox" name="reportIds" value=${other.id} ?checked=${other.id === report.id} />
            ${t(`category.${other.category as 'other'}`)} · ${other.contactId}
          </label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${t('exclude.channels')}</legend>
      ${checkboxes('channels', `${id}-channel`, context.labels.served(), safety.defaultChannels)}
    </fieldset>
    <label for=${`${id}-ends`}>${t('exclude.endsAt', { days: safety.maxExclusionDays })}</label>
    <input id=${`${id}-ends`} name="endsAt" type="date" required min=${bounds.min} max=${bounds.max} value=${bounds.suggested} />
    <fieldset>
      <legend>${t('exclude.alternatives')}</legend>
      ${checkboxes('alternatives', `${id}-alternative`, context.labels.served(), [])}
    </fieldset>
  `;
};
