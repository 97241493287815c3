import { formatTarget, formatValue, STATUS_SYMBOLS, targetIsMaximum, VERDICT_SYMBOLS } from './kpi-format';

describe('KPI figures as the dashboard writes them', () => {
  it.each([
    ['csat', 7.5, 'nl', '7,5'],
    ['nps', 33.3333, 'nl', '33,3'],
    ['csi', 56.6667, 'en', '56.7'],
    ['fcr', 0.5556, 'nl', '55,6%'],
    ['serviceLevel', 1, 'en', '100%'],
    ['shift', 0.5, 'nl', '+50%'],
    ['shift', -0.03, 'en', '-3%'],
    ['aht', 220, 'en', '3 min 40 s'],
    ['contacts', 12345, 'en', '12,345'],
    ['csat', null, 'nl', '—'],
  ] as const)('%s %p in %s reads %p', (kpi, value, lang, text) => expect(formatValue(kpi, value, lang)).toBe(text));

  it('gives a target its direction: AHT and shift are maxima', () => {
    expect(formatTarget('aht', { value: 220, n: 3, target: 300, status: 'met' }, 'nl')).toBe('≤ 5 min 0 s');
    expect(formatTarget('csat', { value: 7.5, n: 2, target: 7, status: 'met' }, 'nl')).toBe('≥ 7');
    expect(formatTarget('abandonment', { value: 0.4, n: 5, target: null, status: 'no-target' }, 'nl')).toBeUndefined();
    expect(targetIsMaximum('shift')).toBe(true);
    expect(targetIsMaximum('fcr')).toBe(false);
  });

  it('marks every status and verdict with its own symbol', () => {
    expect(new Set(Object.values(STATUS_SYMBOLS)).size).toBe(4);
    expect(new Set(Object.values(VERDICT_SYMBOLS)).size).toBe(4);
  });
});
