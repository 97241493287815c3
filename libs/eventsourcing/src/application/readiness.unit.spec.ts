import { Readiness } from './readiness';

describe('readiness', () => {
  it('is ready once every expected read model has caught up, and keeps the latest position of each', () => {
    const readiness = new Readiness();
    const board = readiness.expect('case-board');
    const kpis = readiness.expect('kpis');
    expect(readiness.status()).toEqual({ ready: false, catchingUp: ['case-board', 'kpis'], positions: {} });
    board(40);
    expect(readiness.status()).toEqual({ ready: false, catchingUp: ['kpis'], positions: { 'case-board': 40 } });
    kpis(35);
    board(38); // a later report never moves a position back
    expect(readiness.status()).toEqual({ ready: true, catchingUp: [], positions: { 'case-board': 40, kpis: 35 } });
  });

  it('tells whoever waits once every expected read model has caught up, and at once after that', async () => {
    const readiness = new Readiness();
    const board = readiness.expect('case-board');
    const kpis = readiness.expect('kpis');
    const told: string[] = [];
    void readiness.whenReady().then(() => told.push('first'));
    board(4);
    await Promise.resolve();
    expect(told).toEqual([]);
    kpis(2);
    await readiness.whenReady();
    expect(told).toEqual(['first']);
  });

  it('expects a read model once, however often it is named, and is ready when nothing is expected', () => {
    const readiness = new Readiness();
    expect(readiness.status().ready).toBe(true);
    readiness.expect('kpis')(3);
    readiness.expect('kpis');
    expect(readiness.status()).toEqual({ ready: true, catchingUp: [], positions: { kpis: 3 } });
  });
});
