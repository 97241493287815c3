import { en } from './texts-en';
import { nl, type TextKey } from './texts-nl';

export type Language = 'nl' | 'en';
export type { TextKey };

const TEXTS: Readonly<Record<Language, Readonly<Record<TextKey, string>>>> = { nl, en };
const LANGUAGE_KEY = 'regie.desk.language';

let current: Language = 'nl';

/** The reader's own choice first, then the browser's languages in order; Dutch when none is ours. */
export const chooseLanguage = (browser: readonly string[], chosen?: string | null): Language => {
  if (chosen === 'nl' || chosen === 'en') return chosen;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nl' || primary === 'en') return primary;
  }
  return 'nl';
};

export const language = (): Language => current;

export const setLanguage = (value: Language): void => {
  current = value;
};

/** Starts with the stored or the browser's language. */
export const initLanguage = (storage: Pick<Storage, 'getItem'>, browser: readonly string[]): Language => {
  current = chooseLanguage(browser, storage.getItem(LANGUAGE_KEY));
  return current;
};

export const rememberLanguage = (storage: Pick<Storage, 'setItem'>, value: Language): void => {
  storage.setItem(LANGUAGE_KEY, value);
  current = value;
};

/** The text for `key` in the current language, with `{name}` placeholders filled in. */
export const t = (key: TextKey, params: Readonly<Record<string, string | number>> = {}): string =>
  TEXTS[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

export const hasText = (key: string): key is TextKey => key in nl;

/** A text whose key is built from data (an event type, a category), or the raw value when there is none. */
export const tOr = (key: string, fallback: string): string => (hasText(key) ? t(key) : fallback);
