/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { get } from '../core/api';
import { dateTime } from '../core/format';
import { t, tOr } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { SafetyHistoryItem } from '../core/types';
import { feedbackOf, feedbackView, formFields, text } from '../core/ui';
import type { SupervisorState } from './state';

/** The facts of one step worth reading in the trail; ids and actors have their own columns. */
const SHOWN = ['category', 'description', 'reason', 'channels', 'alternatives', 'endsAt', 'contactId'] as const;

const details = (item: SafetyHistoryItem, context: PageContext): string =>
  SHOWN.filter((key) => item.data[key] !== undefined)
    .map((key) => {
      const value = item.data[key];
      const shown = Array.isArray(value) ? value.map((channel) => context.labels.channel(String(channel))).join(', ') : String(value);
      return `${t(`field.${key}`)}: ${key === 'category' ? tOr(`category.${shown}`, shown) : shown}`;
    })
    .join(' · ');

export const loadHistory = async (customerId: string, state: SupervisorState, context: PageContext): Promise<void> => {
  state.historyCustomer = customerId;
  try {
    const answer = await get<{ items: SafetyHistoryItem[] }>(`/v1/customers/${encodeURIComponent(customerId)}/safety-history`);
    state.history = answer.items;
    state.historyFeedback = undefined;
  } catch (error) {
    state.history = undefined;
    state.historyFeedback = feedbackOf(error);
  }
  context.update();
};

/** A customer's full safety trail: every report, decision, exclusion and its end, with who and when. */
export const historyView = (state: SupervisorState, context: PageContext) => html`
  <section aria-labelledby="history-title" class="panel">
    <h2 id="history-title">${t('history.title')}</h2>
    <form
      class="inline"
      @submit=${(event: Event) => {
        const { data } = formFields(event);
        void loadHistory(text(data, 'customerId'), state, context);
      }}
    >
      <label for="history-customer">${t('history.customer')}</label>
      <input id="history-customer" name="customerId" required maxlength="200" autocomplete="off" value=${state.historyCustomer ?? ''} />
      <button type="submit">${t('history.show')}</button>
    </form>
    ${feedbackView(state.historyFeedback)}
    ${
      state.history === undefined
        ? nothing
        : state.history.length === 0
          ? html`<p>${t('history.none')}</p>`
          : html`<table id="history">
              <caption>
                ${t('history.caption', { customer: state.historyCustomer ?? '' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t('history.when')}</th>
                  <th scope="col">${t('history.what')}</th>
                  <th scope="col">${t('history.who')}</th>
                  <th scope="col">${t('history.details')}</th>
                </tr>
              </thead>
              <tbody>
                ${state.history.map(
                  (item) =>
                    html`<tr>
                      <td>${dateTime(item.recordedAt)}</td>
                      <td>${tOr(`safety.${item.type}`, item.type)}</td>
                      <td>${item.actor ?? '—'}</td>
                      <td>${details(item, context)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
    }
  </section>
`;
