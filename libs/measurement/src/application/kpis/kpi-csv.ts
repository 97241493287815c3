import type { Kpi, KpiReport, PeriodReport } from '../../domain';

export const CSV_COLUMNS = ['period', 'start', 'end', 'revision', 'kpi', 'channel', 'layer', 'value', 'n', 'target', 'status', 'pending'];

type Cell = string | number | null | undefined;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A text starting
 * with = + - @ (or a tab / carriage return) gets a leading apostrophe, so a spreadsheet does not run
 * it as a formula; numbers are written as numbers.
 */
export const csvField = (cell: Cell): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const line = (cells: readonly Cell[]): string => cells.map(csvField).join(',');

const rowsOf = (period: PeriodReport): Cell[][] => {
  const head = [period.label, period.start, period.end, period.concept?.revision];
  const row = (kpi: string, channel: string, layer: string, figure: Kpi & { pending?: number }): Cell[] => [
    ...head,
    kpi,
    channel,
    layer,
    figure.value,
    figure.n,
    figure.target,
    figure.status,
    figure.pending,
  ];
  const { kpis } = period;
  const rows: Cell[][] = [
    row('csat', '', '', kpis.csat),
    ...Object.entries(kpis.csat.byQuestion).map(([id, figure]) => row(`csat.${id}`, '', '', figure)),
    row('nps', '', '', kpis.nps),
    row('csi', '', '', kpis.csi),
    row('fcr', '', '', kpis.fcr),
    row('botContainment', '', '', kpis.botContainment),
  ];
  for (const [channel, figures] of Object.entries(kpis.byChannel)) {
    for (const [name, figure] of Object.entries(figures)) rows.push(row(name, channel, '', figure));
    for (const [id, figure] of Object.entries(figures.csat.byQuestion)) rows.push(row(`csat.${id}`, channel, '', figure));
  }
  for (const [layer, figures] of Object.entries(kpis.byLayer)) {
    for (const [name, figure] of Object.entries(figures)) rows.push(row(name, '', layer, figure));
  }
  return rows;
};

/** One row per period × KPI × channel (or layer; overall figures have neither), after a header row. */
export const kpiReportCsv = (report: KpiReport): string => [CSV_COLUMNS, ...report.periods.flatMap(rowsOf)].map(line).join('\r\n') + '\r\n';
