/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { language, t } from '../core/i18n';
import { formatTarget, formatValue, STATUS_SYMBOLS } from './kpi-format';
import type { KpiFigure, KpiName, KpiStatus } from './kpi-types';

/** Status as a symbol and a word, coloured too: never colour alone. */
export const statusView = (status: KpiStatus) =>
  html`<span class=${`kpi-status kpi-${status}`}><span aria-hidden="true">${STATUS_SYMBOLS[status]}</span> ${t(`status.${status}`)}</span>`;

/**
 * One figure against its target: value, status, then target and n in smaller print. The data
 * attributes name the figure for the browser spec and the page bench, which compare it with the API.
 */
export const kpiCell = (kpi: KpiName, figure: KpiFigure, where: { period: string; channel?: string; layer?: string }) => {
  const lang = language();
  const target = formatTarget(kpi, figure, lang);
  return html`<td
    data-kpi=${kpi}
    data-period=${where.period}
    data-channel=${where.channel ?? nothing}
    data-layer=${where.layer ?? nothing}
    data-status=${figure.status}
  >
    <span class="kpi-value">${formatValue(kpi, figure.value, lang)}</span> ${statusView(figure.status)}
    <span class="kpi-meta"
      >${target ? t('figure.target', { target }) : nothing}${target ? ' · ' : nothing}${t('figure.n', { n: figure.n })}${
        figure.pending ? ` · ${t('figure.pending', { pending: figure.pending })}` : nothing
      }</span
    >
  </td>`;
};
