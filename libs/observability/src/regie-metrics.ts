import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How an interaction came in: POST /v1/interactions, or consumed from `channel.interactions`. */
export type IngestPath = 'http' | 'kafka';

/**
 * Why interactions were refused, as a label with few values (the free-text reason goes to the
 * problem answer or the dead-letter header, never into a label): `malformed` could not be read as
 * a CloudEvent at all, `invalid` broke the contract or the concept in force, `conflicting-repeat`
 * repeated an id with other content in one batch.
 */
export type RefusalReason = 'malformed' | 'invalid' | 'conflicting-repeat';

export type AppendOutcome = 'ok' | 'conflict' | 'error';

/** Counts per label value, read when Prometheus scrapes (a gauge of state Regie already keeps). */
export type GaugeSource = () => ReadonlyMap<string, number> | Promise<ReadonlyMap<string, number>>;

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Regie's metrics in a registry of their own: one per app instance, never prom-client's global
 * one, so that several apps in one process (the test suites) each answer /metrics for themselves.
 */
export class RegieMetrics {
  readonly registry = new Registry();
  private readonly queueSources: GaugeSource[] = [];
  private readonly lagPartitions = new Map<string, Set<string>>();
  private readonly projectionSources: GaugeSource[] = [];

  private readonly ingested = new Counter({
    name: 'regie_interactions_ingested_total',
    help: 'Interactions accepted for recording, by the way they came in (http: the gateway; kafka: consumed by the orchestrator)',
    labelNames: ['via'],
    registers: [this.registry],
  });

  private readonly refused = new Counter({
    name: 'regie_interactions_refused_total',
    help: 'Interactions refused, by the way they came in and why (malformed, invalid, conflicting-repeat)',
    labelNames: ['via', 'reason'],
    registers: [this.registry],
  });

  private readonly deadLetters = new Counter({
    name: 'regie_dlq_messages_total',
    help: 'Messages written to the dead-letter topic, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  private readonly lag = new Gauge({
    name: 'regie_kafka_consumer_lag',
    help: 'Messages between the consumed position and the end of the partition, as of the last batch this instance fetched from it',
    labelNames: ['topic', 'partition'],
    registers: [this.registry],
  });

  private readonly escalation = new Histogram({
    name: 'regie_escalation_latency_seconds',
    help: 'From the recording of the event that triggered an escalation to its case being queued, by target channel',
    labelNames: ['channel'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly kpiQuery = new Histogram({
    name: 'regie_kpi_query_duration_seconds',
    help: 'Time to answer a KPI query from the read models (kpis, gap-analysis)',
    labelNames: ['query'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly append = new Histogram({
    name: 'regie_store_append_duration_seconds',
    help: 'Event store appends (one stream or an atomic batch of streams), by outcome (ok, conflict, error)',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'regie_' });
    this.gaugeOf('regie_cases_queued', 'Cases waiting in a queue, by channel', 'channel', this.queueSources);
    this.gaugeOf(
      'regie_projection_lag',
      'Store positions between the head of the store and the position a read model has applied, by projection',
      'projection',
      this.projectionSources,
    );
  }

  interactionsIngested(via: IngestPath, count: number): void {
    if (count > 0) this.ingested.inc({ via }, count);
  }

  interactionsRefused(via: IngestPath, reason: RefusalReason, count: number): void {
    if (count > 0) this.refused.inc({ via, reason }, count);
  }

  deadLettered(reason: RefusalReason, count: number): void {
    if (count > 0) this.deadLetters.inc({ reason }, count);
  }

  consumerLag(topic: string, partition: number, messages: number): void {
    const partitions = this.lagPartitions.get(topic) ?? new Set<string>();
    this.lagPartitions.set(topic, partitions.add(String(partition)));
    this.lag.set({ topic, partition: String(partition) }, Math.max(0, messages));
  }

  /** After a rebalance: the lag of partitions another instance now reads is no longer this one's to tell. */
  consumerAssigned(topic: string, partitions: readonly number[]): void {
    const assigned = new Set(partitions.map(String));
    for (const partition of this.lagPartitions.get(topic) ?? []) {
      if (assigned.has(partition)) continue;
      this.lag.remove({ topic, partition });
      this.lagPartitions.get(topic)?.delete(partition);
    }
  }

  caseQueued(channel: string, seconds: number): void {
    this.escalation.observe({ channel }, Math.max(0, seconds));
  }

  storeAppended(outcome: AppendOutcome, seconds: number): void {
    this.append.observe({ outcome }, seconds);
  }

  /** Times `query` into the KPI histogram, failures included. */
  async timeKpiQuery<T>(query: 'kpis' | 'gap-analysis', run: () => Promise<T>): Promise<T> {
    const end = this.kpiQuery.startTimer({ query });
    try {
      return await run();
    } finally {
      end();
    }
  }

  /** Queued cases per channel, from whichever board this process keeps. */
  readQueuedCasesFrom(source: GaugeSource): void {
    this.queueSources.push(source);
  }

  /** Lag per projection, from whichever projections this process runs. */
  readProjectionLagFrom(source: GaugeSource): void {
    this.projectionSources.push(source);
  }

  /** The text Prometheus scrapes. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private gaugeOf(name: string, help: string, label: string, sources: readonly GaugeSource[]): void {
    // A label value seen once stays, at 0 when it has nothing: a queue that empties shows 0, not a gap.
    const seen = new Set<string>();
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        const totals = new Map<string, number>([...seen].map((value) => [value, 0]));
        for (const source of sources) {
          for (const [value, count] of await source()) totals.set(value, (totals.get(value) ?? 0) + count);
        }
        this.reset();
        for (const [value, count] of totals) {
          seen.add(value);
          this.set({ [label]: value }, count);
        }
      },
    });
  }
}
