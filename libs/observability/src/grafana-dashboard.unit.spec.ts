import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegieMetrics } from './regie-metrics';

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: readonly { readonly expr: string }[];
}

const dashboard = JSON.parse(readFileSync(join(__dirname, '../../../deploy/grafana/regie-dashboard.json'), 'utf8')) as {
  readonly panels: readonly Panel[];
};

describe('the Grafana dashboard (deploy/grafana/regie-dashboard.json)', () => {
  const registered = new Set(new RegieMetrics().registry.getMetricsAsArray().map((metric) => metric.name));
  const charts = dashboard.panels.filter((panel) => panel.type !== 'row');
  const queried = (panel: Panel) => (panel.targets ?? []).flatMap(({ expr }) => expr.match(/\bregie_[a-z0-9_]+/g) ?? []);

  it('queries only metrics Regie registers', () => {
    const unknown = charts.flatMap(queried).filter((name) => !registered.has(name.replace(/_(bucket|sum|count)$/, '')));
    expect(unknown).toEqual([]);
  });

  it('charts every Regie metric of its own', () => {
    const charted = new Set(charts.flatMap(queried).map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    const own = [...registered].filter((name) => !/^regie_(process|nodejs)_/.test(name));
    expect(own.filter((name) => !charted.has(name))).toEqual([]);
  });
});
