/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from './core/i18n';
import { runPage } from './core/page';

/** The KPI dashboard needs GET /v1/kpis and /v1/gap-analysis; until they exist this page says so, and shows no figures. */
runPage({
  path: '/manager',
  title: 'manager.title',
  roles: ['manager', 'supervisor'],
  start() {},
  view: () =>
    html`<section class="panel" aria-labelledby="kpi-title">
      <h2 id="kpi-title">${t('manager.kpis')}</h2>
      <p>${t('manager.coming')}</p>
    </section>`,
});
