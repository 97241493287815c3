/// <reference lib="dom" />
import { html } from 'lit-html';
import { numberFormat } from '../core/format';
import { language, t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { gapMatrix } from './gap-matrix';
import { VERDICT_SYMBOLS } from './kpi-format';
import type { GapAnalysis, GapItem } from './kpi-types';

const gapCell = (item: GapItem | undefined) => {
  if (!item) return html`<td>—</td>`;
  const value = item.measured.value === null ? '—' : numberFormat(language(), { maximumFractionDigits: 1 }).format(item.measured.value);
  return html`<td data-channel=${item.channel} data-need=${item.need} data-verdict=${item.verdict}>
    <span class=${`verdict verdict-${item.verdict}`}
      ><span aria-hidden="true">${VERDICT_SYMBOLS[item.verdict]}</span> ${t(`verdict.${item.verdict}`)}</span
    >
    <span class="kpi-meta">${t('gap.declared', { yes: t(item.declared ? 'gap.yes' : 'gap.no') })}</span>
    <span class="kpi-meta">${t('gap.measured', { value, n: item.measured.n })}</span>
  </td>`;
};

/** Declared fit against measured satisfaction, channel × need, with the verdict in words. */
export const gapView = (gap: GapAnalysis, needs: readonly { id: string; label: string }[], context: PageContext) => {
  const channels = context.labels.source.channels.map((channel) => channel.id);
  const matrix = gapMatrix(
    gap.items,
    channels,
    needs.map((need) => need.id),
  );
  const needLabel = (id: string) => needs.find((need) => need.id === id)?.label ?? id;
  return html`<section class="panel" aria-labelledby="gap-title">
    <h2 id="gap-title">${t('gap.title')}</h2>
    <div class="scroll" tabindex="0" role="group" aria-labelledby="gap-title">
      <table id="gap-matrix" class="kpis">
        <caption class="muted">
          ${t('gap.caption', { from: gap.from, to: gap.to, threshold: gap.gapThreshold ?? '—' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('gap.channel')}</th>
            ${matrix.needs.map((need) => html`<th scope="col">${needLabel(need)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${matrix.rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${context.labels.channel(row.channel)}</th>
                ${row.cells.map(gapCell)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
};
