/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { kpiCell } from './kpi-cell';
import type { ChannelPeriod, KpiFigure } from './kpi-types';
import { periodName } from './overall-table';
import { pyramidOf } from './pyramid';

const NONE = html`<td>—</td>`;

/** The channel mix as the pyramid, in the concept's own words; a layer's row heads its channels' rows. */
export const pyramidView = (period: ChannelPeriod, context: PageContext) => {
  const where = { period: period.label };
  const layerCell = (layer: string, kpi: 'contacts' | 'share', figure: KpiFigure | undefined) =>
    figure ? kpiCell(kpi, figure, { ...where, layer }) : NONE;
  return html`<table id="kpi-pyramid" class="kpis">
    <caption class="muted">
      ${t('pyramid.caption', { period: periodName(period) })}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('pyramid.layer')}</th>
        <th scope="col">${t('kpi.contacts')}</th>
        <th scope="col">${t('kpi.share')}</th>
        <th scope="col">${t('kpi.shift')}</th>
      </tr>
    </thead>
    <tbody>
      ${pyramidOf(period, context.labels.source).map(
        (layer) =>
          html`<tr class="layer-row">
              <th scope="row">${context.labels.layer(layer.layer)}</th>
              ${layerCell(layer.layer, 'contacts', layer.contacts)} ${layerCell(layer.layer, 'share', layer.share)} ${NONE}
            </tr>
            ${layer.channels.map(
              (row) =>
                html`<tr class="channel-row">
                  <th scope="row">${context.labels.channel(row.channel)}</th>
                  ${kpiCell('contacts', row.contacts, { ...where, channel: row.channel })}
                  ${kpiCell('share', row.share, { ...where, channel: row.channel })}
                  ${kpiCell('shift', row.shift, { ...where, channel: row.channel })}
                </tr>`,
            )}`,
      )}
    </tbody>
  </table>`;
};
