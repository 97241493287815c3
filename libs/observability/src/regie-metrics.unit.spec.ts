import { parseScrape } from '../../../test/support/prometheus';
import { RegieMetrics } from './regie-metrics';

describe('RegieMetrics', () => {
  const scrape = async (metrics: RegieMetrics) => parseScrape(await metrics.metrics());

  it('keeps its own registry: two instances count apart', async () => {
    const [one, two] = [new RegieMetrics(), new RegieMetrics()];
    one.interactionsIngested('http', 3);
    two.interactionsRefused('kafka', 'malformed', 2);
    expect((await scrape(one)).value('regie_interactions_ingested_total', { via: 'http' })).toBe(3);
    expect((await scrape(two)).value('regie_interactions_ingested_total', { via: 'http' })).toBe(0);
    expect((await scrape(two)).value('regie_interactions_refused_total', { via: 'kafka', reason: 'malformed' })).toBe(2);
  });

  it('reads queued cases from every source at scrape time, and shows an emptied queue as 0', async () => {
    const metrics = new RegieMetrics();
    let queued = new Map([['live-chat', 2]]);
    metrics.readQueuedCasesFrom(() => queued);
    metrics.readQueuedCasesFrom(async () => new Map([['phone', 1]]));
    expect((await scrape(metrics)).family('regie_cases_queued').metrics).toEqual([
      { labels: { channel: 'live-chat' }, value: '2' },
      { labels: { channel: 'phone' }, value: '1' },
    ]);
    queued = new Map();
    expect((await scrape(metrics)).value('regie_cases_queued', { channel: 'live-chat' })).toBe(0);
    expect((await scrape(metrics)).sample('regie_cases_queued', { channel: 'live-chat' })).toBeDefined();
  });

  it('forgets the lag of partitions a rebalance gave to another instance', async () => {
    const metrics = new RegieMetrics();
    metrics.consumerLag('channel.interactions', 0, 4);
    metrics.consumerLag('channel.interactions', 1, 7);
    metrics.consumerAssigned('channel.interactions', [1, 2]);
    expect((await scrape(metrics)).family('regie_kafka_consumer_lag').metrics).toEqual([
      { labels: { topic: 'channel.interactions', partition: '1' }, value: '7' },
    ]);
  });

  it('times a KPI query that fails too', async () => {
    const metrics = new RegieMetrics();
    await expect(metrics.timeKpiQuery('kpis', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect((await scrape(metrics)).value('regie_kpi_query_duration_seconds', { query: 'kpis' })).toBe(1);
  });
});
