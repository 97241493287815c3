export * from './domain';
export * from './application/projections.module';
export * from './application/registry';
export * from './application/kpis/kpi-csv';
