/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { kpiCell } from './kpi-cell';
import { OVERALL_ROWS_SHOWN, overallRows, shownRows } from './kpi-rows';
import { OVERALL_KPIS, type KpiReport, type PeriodReport } from './kpi-types';
import type { ManagerState } from './state';

/** "2026-W10 (2 mrt – 8 mrt)": the API's label, with its dates when it is not itself a date. */
export const periodName = (period: PeriodReport): string =>
  period.label === period.start ? period.label : `${period.label} (${period.start} – ${period.end})`;

/** Over a long range: how many periods the table shows, and the button that shows all of them or the latest again. */
const lengthChoice = (total: number, hidden: number, state: ManagerState, context: PageContext) =>
  total <= OVERALL_ROWS_SHOWN
    ? nothing
    : html`<p class="muted">
        ${hidden ? t('overall.latest', { shown: total - hidden, total }) : nothing}
        <button
          type="button"
          aria-controls="kpi-overall"
          @click=${() => {
            state.allPeriods = !state.allPeriods;
            context.update();
          }}
        >
          ${hidden ? t('overall.showAll', { total }) : t('overall.showLatest', { shown: OVERALL_ROWS_SHOWN })}
        </button>
      </p>`;

/**
 * The accessible core of the dashboard: every organisation-wide KPI per period, against its target, with n.
 * Wide tables scroll inside their panel; the scrolling box takes focus, so that a keyboard can scroll it too.
 */
export const overallView = (report: KpiReport, state: ManagerState, context: PageContext) => {
  const all = overallRows(report);
  const { rows, hidden } = shownRows(all, state.allPeriods);
  return html`<section class="panel" aria-labelledby="overall-title">
    <h2 id="overall-title">${t('overall.title')}</h2>
    ${lengthChoice(all.length, hidden, state, context)}
    <div class="scroll" tabindex="0" role="group" aria-labelledby="overall-title">
      <table id="kpi-overall" class="kpis">
        <caption class="muted">
          ${t('overall.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('overall.period')}</th>
            ${OVERALL_KPIS.map((kpi) => html`<th scope="col">${t(`kpi.${kpi}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${periodName(row.period)}</th>
                ${row.cells.map((cell) => kpiCell(cell.kpi, cell.figure, { period: row.period.label }))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
};
