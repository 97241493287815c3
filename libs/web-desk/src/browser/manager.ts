/// <reference lib="dom" />
import { html, nothing } from 'lit-html';
import { language, t } from './core/i18n';
import { runPage } from './core/page';
import { channelsView } from './manager/channel-table';
import { filterView } from './manager/filter-form';
import { gapView } from './manager/gap-view';
import { prepareFormats } from './manager/kpi-format';
import { periodAt } from './manager/kpi-rows';
import { loadFigures, loadNeeds } from './manager/load';
import { overallView } from './manager/overall-table';
import { defaultFilter, filterFromQuery } from './manager/period';
import { periodChoice } from './manager/period-choice';
import { pyramidView } from './manager/pyramid-view';
import { newManagerState } from './manager/state';
import { trendsView } from './manager/trend-charts';

const state = newManagerState(filterFromQuery(location.search, defaultFilter(new Date())));

/** The service manager's dashboard: KPIs against the concept's targets, trends, the channel mix and the gap analysis. */
runPage({
  path: '/manager',
  title: 'manager.title',
  roles: ['manager', 'supervisor'],
  start(context) {
    void loadNeeds(state, context);
    void loadFigures(state, context);
    setTimeout(() => prepareFormats(language()));
  },
  view(context) {
    const { report, gap } = state;
    const shown = report && periodAt(report, state.period);
    const channels = shown && state.channels.get(shown.label);
    return html`
      ${filterView(state, context)}
      <div id="dashboard" aria-busy=${state.loading ? 'true' : 'false'} data-ready=${report && gap && !state.loading ? 'true' : 'false'}>
        ${report ? overallView(report, state, context) : nothing} ${report ? trendsView(report, context) : nothing}
        ${
          report && shown
            ? html`<section class="panel" aria-labelledby="channels-title">
                <h2 id="channels-title">${t('channels.title')}</h2>
                ${periodChoice(report, shown, state, context)}
                ${
                  channels
                    ? html`${channelsView(channels, context)}
                        <h3 id="pyramid-title">${t('pyramid.title')}</h3>
                        ${pyramidView(channels, context)}`
                    : html`<p class="muted" role="status">${t('channels.loading')}</p>`
                }
              </section>`
            : nothing
        }
        ${gap ? gapView(gap, state.needs ?? [], context) : nothing}
      </div>
    `;
  },
});
