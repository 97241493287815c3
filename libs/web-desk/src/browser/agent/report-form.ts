/// <reference lib="dom" />
import { html } from 'lit-html';
import { post } from '../core/api';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { AGGRESSION_CATEGORIES, type CaseView, type JourneyEntry } from '../core/types';
import { feedbackOf, feedbackView, formFields, text } from '../core/ui';
import type { AgentState } from './state';

/** The customer's contacts, newest first, each once with the channel it was on. */
const contactsOf = (entries: readonly JourneyEntry[]) => {
  const seen = new Map<string, string>();
  for (const entry of [...entries].reverse()) if (!seen.has(entry.contactId)) seen.set(entry.contactId, entry.channel);
  return [...seen.entries()].map(([contactId, channel]) => ({ contactId, channel }));
};

const submit = async (event: Event, view: CaseView, entries: readonly JourneyEntry[], state: AgentState, context: PageContext) => {
  const { form, data } = formFields(event);
  const contactId = text(data, 'contactId');
  const channel = contactsOf(entries).find((contact) => contact.contactId === contactId)?.channel;
  try {
    await post('/v1/aggression-reports', {
      customerId: view.customerId,
      contactId,
      category: text(data, 'category'),
      description: text(data, 'description'),
      ...(channel && { channel }),
    });
    form.reset();
    state.reportFeedback = { kind: 'done', text: t('report.done') };
  } catch (error) {
    state.reportFeedback = feedbackOf(error);
  }
  context.update();
};

/** Report aggression from one of the customer's contacts: what kind, and a short factual description. */
export const reportFormView = (view: CaseView, entries: readonly JourneyEntry[], state: AgentState, context: PageContext) => {
  const contacts = contactsOf(entries);
  return html`
    <details class="report">
      <summary>${t('report.title')}</summary>
      <form @submit=${(event: Event) => void submit(event, view, entries, state, context)}>
        <label for="report-contact">${t('report.contact')}</label>
        <select id="report-contact" name="contactId" required>
          ${contacts.map(
            (contact) =>
              html`<option value=${contact.contactId}>${context.labels.channel(contact.channel)} · ${contact.contactId}</option>`,
          )}
        </select>
        <label for="report-category">${t('report.category')}</label>
        <select id="report-category" name="category" required>
          ${AGGRESSION_CATEGORIES.map((category) => html`<option value=${category}>${t(`category.${category}`)}</option>`)}
        </select>
        <label for="report-description">${t('report.description')}</label>
        <textarea
          id="report-description"
          name="description"
          required
          maxlength="500"
          rows="3"
          aria-describedby="report-description-hint"
        ></textarea>
        <p id="report-description-hint" class="muted">${t('report.descriptionHint')}</p>
        <button type="submit">${t('report.submit')}</button>
        ${feedbackView(state.reportFeedback)}
      </form>
    </details>
  `;
};
