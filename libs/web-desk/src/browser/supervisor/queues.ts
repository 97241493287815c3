/// <reference lib="dom" />
import { html } from 'lit-html';
import { duration } from '../core/format';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { feedbackView } from '../core/ui';
import { queueRows } from './queue-stats';
import type { SupervisorState } from './state';

/** Waiting cases per channel against the concept's target wait, refreshed every few seconds. */
export const queuesView = (state: SupervisorState, context: PageContext) => {
  const channels = context.labels.served().map((channel) => channel.id);
  const rows = queueRows(state.queues, channels, state.queuesAt ?? Date.now());
  return html`
    <section aria-labelledby="queues-title" class="panel">
      <h2 id="queues-title">${t('queues.title')}</h2>
      ${feedbackView(state.queuesFeedback)}
      <table id="queues">
        <caption class="muted">
          ${t('queues.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('queues.channel')}</th>
            <th scope="col">${t('queues.waiting')}</th>
            <th scope="col">${t('queues.longest')}</th>
            <th scope="col">${t('queues.target')}</th>
            <th scope="col">${t('queues.status')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${context.labels.channel(row.channel)}</th>
                <td>${row.waiting}</td>
                <td>${row.longestWaitSeconds === undefined ? '—' : duration(row.longestWaitSeconds)}</td>
                <td>${row.targetWaitSeconds === undefined ? '—' : duration(row.targetWaitSeconds)}</td>
                <td><span class=${`sl sl-${row.status}`}>${t(`sl.${row.status}`)}</span></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
  `;
};
