/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { kpiCell } from './kpi-cell';
import { channelRows } from './kpi-rows';
import { CHANNEL_KPIS, type ChannelPeriod } from './kpi-types';
import { periodName } from './overall-table';

/** Each channel's KPIs in one period, against the channel's own targets (service level, AHT, shift). */
export const channelsView = (period: ChannelPeriod, context: PageContext) => {
  const order = context.labels.source.channels.map((channel) => channel.id);
  return html`<div class="scroll" tabindex="0" role="group" aria-labelledby="channels-title">
    <table id="kpi-channels" class="kpis">
      <caption class="muted">
        ${t('channels.caption', { period: periodName(period) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('channels.channel')}</th>
          ${CHANNEL_KPIS.map((kpi) => html`<th scope="col">${t(`kpi.${kpi}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${channelRows(period, order).map(
          (row) =>
            html`<tr>
              <th scope="row">${context.labels.channel(row.channel)}</th>
              ${row.cells.map((cell) => kpiCell(cell.kpi, cell.figure, { period: period.label, channel: row.channel }))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
};
