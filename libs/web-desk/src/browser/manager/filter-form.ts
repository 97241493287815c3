/// <reference lib="dom" />
import { html } from 'lit-html';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { feedbackView, formFields, text } from '../core/ui';
import { downloadCsv } from './csv-download';
import { GRANULARITIES, type Granularity } from './kpi-types';
import { loadFigures } from './load';
import { kpiQuery } from './period';
import type { ManagerState } from './state';

const apply = (event: Event, state: ManagerState, context: PageContext): void => {
  const { data } = formFields(event);
  const granularity = text(data, 'granularity') as Granularity;
  state.filter = { from: text(data, 'from'), to: text(data, 'to'), granularity, channel: text(data, 'channel') };
  state.period = undefined;
  // The address follows the filter, so that reloading or bookmarking the page shows the same figures.
  history.replaceState(history.state, '', `${location.pathname}?${kpiQuery(state.filter)}${location.hash}`);
  void loadFigures(state, context);
};

/** The period and channel the whole dashboard shows; the CSV download asks for the same. */
export const filterView = (state: ManagerState, context: PageContext) => {
  const { filter } = state;
  return html`<section class="panel" aria-labelledby="filter-title">
    <h2 id="filter-title">${t('filter.title')}</h2>
    <form class="inline filter" @submit=${(event: Event) => apply(event, state, context)}>
      <label for="filter-from">${t('filter.from')}</label>
      <input id="filter-from" name="from" type="date" required .value=${filter.from} />
      <label for="filter-to">${t('filter.to')}</label>
      <input id="filter-to" name="to" type="date" required .value=${filter.to} />
      <label for="filter-granularity">${t('filter.granularity')}</label>
      <select id="filter-granularity" name="granularity">
        ${GRANULARITIES.map((g) => html`<option value=${g} ?selected=${g === filter.granularity}>${t(`granularity.${g}`)}</option>`)}
      </select>
      <label for="filter-channel">${t('filter.channel')}</label>
      <select id="filter-channel" name="channel">
        <option value="" ?selected=${!filter.channel}>${t('filter.allChannels')}</option>
        ${context.labels.source.channels.map(
          (channel) => html`<option value=${channel.id} ?selected=${channel.id === filter.channel}>${channel.label}</option>`,
        )}
      </select>
      <button type="submit">${t('filter.show')}</button>
      <button type="button" @click=${() => void downloadCsv(state, context)}>${t('csv.download')}</button>
    </form>
    <p class="muted" role="status">
      ${
        state.loading
          ? t('filter.loading')
          : state.report
            ? t('filter.shown', { from: state.report.from, to: state.report.to, granularity: t(`granularity.${state.report.granularity}`) })
            : ''
      }
    </p>
    ${feedbackView(state.feedback)} ${feedbackView(state.csvFeedback)}
  </section>`;
};
