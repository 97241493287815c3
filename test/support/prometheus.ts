import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** One sample of a family, as parse-prometheus-text-format gives it (histograms carry buckets, count and sum). */
export interface PrometheusSample {
  readonly labels?: Readonly<Record<string, string>>;
  readonly value?: string;
  readonly buckets?: Readonly<Record<string, string>>;
  readonly count?: string;
  readonly sum?: string;
}

export interface PrometheusFamily {
  readonly name: string;
  readonly help: string;
  readonly type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  readonly metrics: readonly PrometheusSample[];
}

export interface Scrape {
  readonly families: readonly PrometheusFamily[];
  family(name: string): PrometheusFamily;
  /** The sample whose labels are exactly `labels`, or undefined. */
  sample(name: string, labels?: Record<string, string>): PrometheusSample | undefined;
  /** A counter's or gauge's value (0 when there is no such sample); a histogram's count. */
  value(name: string, labels?: Record<string, string>): number;
}

const sameLabels = (a: Readonly<Record<string, string>> = {}, b: Readonly<Record<string, string>> = {}) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/**
 * The Prometheus text format read by a real parser, not by regular expressions of the test's own.
 * parse-prometheus-text-format folds the samples of a labelled histogram into one (it keeps the
 * buckets of all label sets together and drops their counts and sums), so the text is parsed a
 * second time without the histograms' TYPE lines: each `_bucket`, `_sum` and `_count` series is
 * then a family of its own, labels intact. `family` gives the first reading (names and types),
 * `sample` and `value` read histograms from the second (`value('x', labels)` is x_count's).
 */
export const parseScrape = (text: string): Scrape => {
  const families = parsePrometheusTextFormat(text) as PrometheusFamily[];
  const histograms = new Set(families.filter((f) => f.type === 'HISTOGRAM').map((f) => f.name));
  const untyped = text
    .split('\n')
    .filter((line) => !/^# TYPE \S+ histogram$/.test(line))
    .join('\n');
  const series = parsePrometheusTextFormat(untyped) as PrometheusFamily[];
  // Each label set's lines come together, so one series appears once per label set: gather them.
  const seriesOf = (name: string) => ({ metrics: series.filter((candidate) => candidate.name === name).flatMap((f) => f.metrics) });
  const family = (name: string) => {
    const found = families.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no metric family ${name} in the scrape (have: ${families.map((f) => f.name).join(', ')})`);
    return found;
  };
  const find = (samples: readonly PrometheusSample[] | undefined, labels: Record<string, string>) =>
    samples?.find((candidate) => sameLabels(candidate.labels, labels));
  const sample = (name: string, labels: Record<string, string> = {}): PrometheusSample | undefined => {
    if (!histograms.has(name)) return find(family(name).metrics, labels);
    const count = find(seriesOf(`${name}_count`).metrics, labels);
    if (!count) return undefined;
    const buckets = seriesOf(`${name}_bucket`).metrics.filter(({ labels: { le, ...rest } = {} }) => le && sameLabels(rest, labels));
    return {
      labels,
      count: count.value!,
      sum: find(seriesOf(`${name}_sum`).metrics, labels)?.value ?? 'NaN',
      buckets: Object.fromEntries(buckets.map((bucket) => [bucket.labels!.le!, bucket.value!])),
    };
  };
  return {
    families,
    family,
    sample,
    value: (name, labels) => {
      const found = sample(name, labels);
      return Number(found?.count ?? found?.value ?? 0);
    },
  };
};
