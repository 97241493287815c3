import { Labels, rememberedLabels, rememberLabels } from './labels';

const storage = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
};

const labels = new Labels({
  organisation: 'Gemeente Voorbeeld',
  layers: [{ id: 'assisted', label: 'Hulp' }],
  channels: [{ id: 'phone', layer: 'assisted', label: 'Telefoon' }],
});

describe('the labels remembered between pages', () => {
  it('gives back the labels the last page was given', () => {
    const kept = storage();
    expect(rememberedLabels(kept)).toBeUndefined();
    rememberLabels(kept, labels);
    expect(rememberedLabels(kept)?.source).toEqual(labels.source);
    expect(rememberedLabels(kept)?.channel('phone')).toBe('Telefoon');
  });

  it('forgets what it cannot read, and goes on when the storage refuses', () => {
    const kept = storage();
    kept.items.set('regie.desk.labels', '{not json');
    expect(rememberedLabels(kept)).toBeUndefined();
    kept.items.set('regie.desk.labels', JSON.stringify({ layers: 'none' }));
    expect(rememberedLabels(kept)).toBeUndefined();
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberLabels(full, labels)).not.toThrow();
  });
});
