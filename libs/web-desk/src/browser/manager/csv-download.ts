/// <reference lib="dom" />
import { ApiProblem, authorization, problemOf, refuseSession } from '../core/api';
import { t } from '../core/i18n';
import type { PageContext } from '../core/page';
import { feedbackOf } from '../core/ui';
import { kpiQuery } from './period';
import type { ManagerState } from './state';

/** The server names the file (`kpis-<from>-<to>-<granularity>.csv`); this is for when it does not. */
export const csvFileName = (disposition: string | null, fallback: string): string =>
  /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback;

/**
 * A plain link cannot carry the bearer token, so the page fetches the CSV itself and hands the
 * browser a Blob to save, under the name the server gives it.
 */
export const downloadCsv = async (state: ManagerState, context: PageContext): Promise<void> => {
  try {
    let response: Response;
    try {
      response = await fetch(`/v1/kpis?${kpiQuery(state.filter)}`, { headers: { ...authorization(), Accept: 'text/csv' } });
    } catch {
      throw new ApiProblem(0, 'network', '');
    }
    if (response.status === 401) return refuseSession();
    if (!response.ok) throw await problemOf(response);
    const name = csvFileName(response.headers.get('Content-Disposition'), `kpis-${state.filter.from}-${state.filter.to}.csv`);
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    // Not at once: the browser reads the Blob after the click; left alone, the URL would hold it until the tab closes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    state.csvFeedback = { kind: 'done', text: t('csv.done', { name }) };
  } catch (error) {
    state.csvFeedback = feedbackOf(error);
  }
  context.update();
};
