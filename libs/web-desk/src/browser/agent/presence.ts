/// <reference lib="dom" />
import { html } from 'lit-html';
import { put } from '../core/api';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { all, feedbackOf, feedbackView, formFields, text } from '../core/ui';
import { rememberPresence, type AgentState, type Presence, type PresenceStatus } from './state';

const STATUSES: readonly PresenceStatus[] = ['available', 'away', 'offline'];

const submit = async (event: Event, state: AgentState, context: PageContext): Promise<void> => {
  const { data } = formFields(event);
  const channels = all(data, 'channel');
  const capacity = Object.fromEntries(channels.map((channel) => [channel, Number(text(data, `capacity-${channel}`) || '1')]));
  const presence: Presence = { status: text(data, 'status') as PresenceStatus, channels, capacity };
  try {
    await put('/v1/agents/me/presence', presence);
    state.presence = presence;
    rememberPresence(context.session.sub, presence);
    state.presenceFeedback = { kind: 'done', text: t('presence.saved', { status: t(`presence.${presence.status}`) }) };
  } catch (error) {
    state.presenceFeedback = feedbackOf(error);
  }
  context.update();
};

/** Status, the channels I serve and how many cases of each at once. */
export const presenceView = (state: AgentState, context: PageContext) => {
  const current = state.presence;
  return html`
    <section aria-labelledby="presence-title" class="panel">
      <h2 id="presence-title">${t('presence.title')}</h2>
      <p>${current ? t('presence.now', { status: t(`presence.${current.status}`) }) : t('presence.unknown')}</p>
      <form @submit=${(event: Event) => void submit(event, state, context)}>
        <fieldset>
          <legend>${t('presence.status')}</legend>
          ${STATUSES.map(
            (status) =>
              html`<label class="choice">
                <input type="radio" name="status" value=${status} ?checked=${(current?.status ?? 'available') === status} />
                ${t(`presence.${status}`)}
              </label>`,
          )}
        </fieldset>
        <fieldset>
          <legend>${t('presence.channels')}</legend>
          <table class="plain">
            <thead>
              <tr>
                <th scope="col">${t('presence.channel')}</th>
                <th scope="col">${t('presence.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              ${context.labels.served().map(
                (channel) =>
                  html`<tr>
                    <td>
                      <label class="choice">
                        <input
                          type="checkbox"
                          name="channel"
                          value=${channel.id}
                          ?checked=${current?.channels.includes(channel.id) ?? false}
                        />
                        ${channel.label}
                      </label>
                    </td>
                    <td>
                      <label class="visually-hidden" for=${`capacity-${channel.id}`}>
                        ${t('presence.capacityOf', { channel: channel.label })}
                      </label>
                      <input
                        id=${`capacity-${channel.id}`}
                        name=${`capacity-${channel.id}`}
                        type="number"
                        min="0"
                        max="50"
                        inputmode="numeric"
                        value=${String(current?.capacity[channel.id] ?? 1)}
                      />
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </fieldset>
        <button type="submit">${t('presence.save')}</button>
        ${feedbackView(state.presenceFeedback)}
      </form>
    </section>
  `;
};
