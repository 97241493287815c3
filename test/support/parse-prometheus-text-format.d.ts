declare module 'parse-prometheus-text-format' {
  /** Families of the Prometheus text format, as prom2json gives them. */
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
