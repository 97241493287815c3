import { chooseLanguage, hasText, setLanguage, t, tOr } from './i18n';

describe('the interface language', () => {
  afterEach(() => setLanguage('nl'));

  it('is Dutch unless the reader chose otherwise or the browser prefers English', () => {
    expect(chooseLanguage([])).toBe('nl');
    expect(chooseLanguage(['de-DE', 'fr'])).toBe('nl');
    expect(chooseLanguage(['en-GB', 'nl'])).toBe('en');
    expect(chooseLanguage(['de-DE', 'nl-BE', 'en'])).toBe('nl');
    expect(chooseLanguage(['en-US'], 'nl')).toBe('nl');
    expect(chooseLanguage(['nl'], 'en')).toBe('en');
    expect(chooseLanguage(['nl'], 'fr')).toBe('nl');
  });

  it('fills in placeholders, in either language', () => {
    expect(t('case.of', { customer: 'cust-7' })).toBe('Zaak van klant cust-7');
    setLanguage('en');
    expect(t('case.of', { customer: 'cust-7' })).toBe('Case of customer cust-7');
  });

  it('shows data it has no text for as it is', () => {
    expect(hasText('event.bot.fallback')).toBe(true);
    expect(tOr('event.something.new', 'something.new')).toBe('something.new');
  });
});
