import type { Problem } from '../problem';
import { daysBetween, isLocalDate } from '../time/calendar';
import { GRANULARITIES } from '../time/periods';
import { CHANNEL_BREAKDOWNS } from './channel-breakdown';

/** Ten years of days: a range is summed day by day, so its length is what bounds a request's work. */
export const MAX_RANGE_DAYS = 3660;

export interface KpiQueryParams {
  readonly from?: string;
  readonly to?: string;
  readonly granularity?: string;
  readonly baselineFrom?: string;
  readonly baselineTo?: string;
  readonly byChannel?: string;
}

const range = (problems: Problem[], fromPath: string, toPath: string, from: string | undefined, to: string | undefined): void => {
  const before = problems.length;
  for (const [path, value] of [
    [fromPath, from],
    [toPath, to],
  ] as const) {
    if (value === undefined) problems.push({ path, message: 'is required: a date like 2026-03-29' });
    else if (!isLocalDate(value)) problems.push({ path, message: `"${value}" is not a date like 2026-03-29` });
  }
  if (problems.length > before || from === undefined || to === undefined) return;
  if (from > to) problems.push({ path: toPath, message: `must not be before ${fromPath} (${from})` });
  else if (daysBetween(from, to) > MAX_RANGE_DAYS) problems.push({ path: toPath, message: `a range spans at most ${MAX_RANGE_DAYS} days` });
};

/** The query parameters of `GET /v1/kpis` and `/v1/gap-analysis`, checked before any read model is touched. */
export const validateKpiQuery = (params: KpiQueryParams): Problem[] => {
  const problems: Problem[] = [];
  range(problems, 'from', 'to', params.from, params.to);
  if (params.granularity !== undefined && !(GRANULARITIES as readonly string[]).includes(params.granularity)) {
    problems.push({ path: 'granularity', message: `must be one of: ${GRANULARITIES.join(', ')}` });
  }
  if (params.baselineFrom !== undefined || params.baselineTo !== undefined) {
    range(problems, 'baselineFrom', 'baselineTo', params.baselineFrom, params.baselineTo);
  }
  if (params.byChannel !== undefined && !(CHANNEL_BREAKDOWNS as readonly string[]).includes(params.byChannel)) {
    problems.push({ path: 'byChannel', message: `must be one of: ${CHANNEL_BREAKDOWNS.join(', ')} (default all)` });
  }
  return problems;
};
