/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import type { KpiReport, PeriodReport } from './kpi-types';
import { offeredPeriods } from './kpi-rows';
import { periodName } from './overall-table';
import { loadChannels } from './load';
import type { ManagerState } from './state';

/**
 * Which period the channel and layer tables show: one period's columns fit, a year of them would not. The
 * periods offered are those the KPI table shows (the latest, or all when the reader asked for all).
 */
export const periodChoice = (report: KpiReport, shown: PeriodReport, state: ManagerState, context: PageContext) =>
  report.periods.length < 2
    ? html``
    : html`<div class="field">
        <label for="period-choice">${t('channels.period')}</label>
        <select
          id="period-choice"
          @change=${(event: Event) => {
            state.period = (event.target as HTMLSelectElement).value;
            const chosen = report.periods.find((period) => period.label === state.period);
            if (chosen) void loadChannels(chosen, state, context);
            context.update();
          }}
        >
          ${offeredPeriods(report, shown, state.allPeriods).map(
            (period) => html`<option value=${period.label} ?selected=${period === shown}>${periodName(period)}</option>`,
          )}
        </select>
      </div>`;
