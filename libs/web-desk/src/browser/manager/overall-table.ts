/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from '../core/i18n';
import { kpiCell } from './kpi-cell';
import { overallRows } from './kpi-rows';
import { OVERALL_KPIS, type KpiReport, type PeriodReport } from './kpi-types';

/** "2026-W10 (2 mrt – 8 mrt)": the API's label, with its dates when it is not itself a date. */
export const periodName = (period: PeriodReport): string =>
  period.label === period.start ? period.label : `${period.label} (${period.start} – ${period.end})`;

/**
 * The accessible core of the dashboard: every organisation-wide KPI per period, against its target, with n.
 * Wide tables scroll inside their panel; the scrolling box takes focus, so that a keyboard can scroll it too.
 */
export const overallView = (report: KpiReport) =>
  html`<section class="panel" aria-labelledby="overall-title">
    <h2 id="overall-title">${t('overall.title')}</h2>
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
          ${overallRows(report).map(
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
