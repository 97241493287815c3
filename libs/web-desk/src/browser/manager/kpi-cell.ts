/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { language, t } from '../core/i18n';
import { formatTarget, formatValue, STATUS_SYMBOLS } from './kpi-format';
import type { KpiFigure, KpiName } from './kpi-types';

/**
 * One figure against its target: value, status (a symbol and a word, coloured too: never colour alone), then
 * target and n in smaller print. The data
 * attributes name the figure for the browser spec and the page bench, which compare it with the API.
 * The dashboard holds hundreds of these: one template with few parts (the small print is one text), not nested ones.
 */
export const kpiCell = (kpi: KpiName, figure: KpiFigure, where: { period: string; channel?: string; layer?: string }) => {
  const lang = language();
  const target = formatTarget(kpi, figure, lang);
  const meta = [
    ...(target ? [t('figure.target', { target })] : []),
    t('figure.n', { n: figure.n }),
    ...(figure.pending ? [t('figure.pending', { pending: figure.pending })] : []),
  ].join(' · ');
  return html`<td
    data-kpi=${kpi}
    data-period=${where.period}
    data-channel=${where.channel ?? nothing}
    data-layer=${where.layer ?? nothing}
    data-status=${figure.status}
  >
    <span class="kpi-value">${formatValue(kpi, figure.value, lang)}</span>
    <span class=${`kpi-status kpi-${figure.status}`}
      ><span aria-hidden="true">${STATUS_SYMBOLS[figure.status]}</span> ${t(`status.${figure.status}`)}</span
    >
    <span class="kpi-meta">${meta}</span>
  </td>`;
};
