import { GRANULARITIES, type Granularity } from './kpi-types';

export interface KpiFilter {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  /** Empty: every channel. */
  readonly channel: string;
}

const DAY_MS = 86_400_000;

/** A local calendar date (yyyy-mm-dd) of the reader's clock: what a date field shows. */
export const localDate = (at: Date): string =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/**
 * The last four ISO weeks by week, this one included: from the Monday three weeks before this
 * week's Monday up to today. Four whole periods to compare, the last one still filling.
 */
export const defaultFilter = (now: Date): KpiFilter => {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
  const sinceMonday = (today.getDay() + 6) % 7;
  const from = new Date(today.getTime() - (sinceMonday + 21) * DAY_MS);
  return { from: localDate(from), to: localDate(today), granularity: 'week', channel: '' };
};

/** The query both the JSON and the CSV request use, so that the download holds what the page shows. */
export const kpiQuery = (filter: KpiFilter): string => {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, granularity: filter.granularity });
  if (filter.channel) params.set('channel', filter.channel);
  return params.toString();
};

export const gapQuery = (filter: KpiFilter): string => new URLSearchParams({ from: filter.from, to: filter.to }).toString();

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filter from the page's address (`/manager?from=…&to=…&granularity=…&channel=…`), so that a view can be
 * bookmarked and shared; what is missing or malformed keeps the default. The API judges the rest.
 */
export const filterFromQuery = (search: string, fallback: KpiFilter): KpiFilter => {
  const params = new URLSearchParams(search);
  const date = (name: 'from' | 'to') => (DATE.test(params.get(name) ?? '') ? params.get(name)! : fallback[name]);
  const granularity = params.get('granularity') as Granularity | null;
  return {
    from: date('from'),
    to: date('to'),
    granularity: granularity && (GRANULARITIES as readonly string[]).includes(granularity) ? granularity : fallback.granularity,
    channel: params.get('channel') ?? fallback.channel,
  };
};
