/**
 * Figures kept between queries, each with what it was computed from. The read models are persistent
 * (an event copies only the day it changes), so a kept figure whose inputs are the very same objects
 * is still right: a year by day is computed again only for the days that have changed since.
 * The oldest entries go first once `limit` are kept.
 */
export class KeptReports<Report> {
  private readonly kept = new Map<string, { readonly inputs: readonly unknown[]; readonly report: Report }>();

  constructor(private readonly limit = 5_000) {}

  reuse(key: string, inputs: readonly unknown[], compute: () => Report): Report {
    const kept = this.kept.get(key);
    this.kept.delete(key);
    const same = kept !== undefined && kept.inputs.length === inputs.length && kept.inputs.every((input, index) => input === inputs[index]);
    const report = same ? kept.report : compute();
    this.kept.set(key, { inputs, report });
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
    return report;
  }

  get size(): number {
    return this.kept.size;
  }
}
