import { createContext, ReactNode, useContext, useMemo } from 'react';

import { en } from './en';
import { id, Messages } from './id';

export type Locale = 'ID' | 'EN';
const CATALOGUES: Record<Locale, Messages> = { ID: id, EN: en };
const LANGUAGE_KEY = 'simpul.language';

/** The display language chosen in this browser (a preference, never a credential), else the profile's, else id. */
export function storedLocale(): Locale | null {
  const value = window.localStorage.getItem(LANGUAGE_KEY);
  return value === 'ID' || value === 'EN' ? value : null;
}

export function storeLocale(locale: Locale): void {
  window.localStorage.setItem(LANGUAGE_KEY, locale);
}

export interface I18n {
  locale: Locale;
  /** BCP 47 tag for Intl. */
  tag: 'id-ID' | 'en-GB';
  m: Messages;
  /** Fills `{name}` placeholders. */
  f: (template: string, params: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ locale, tag: locale === 'ID' ? 'id-ID' : 'en-GB', m: CATALOGUES[locale], f: format }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** A label for a value the catalogue may not know yet (e.g. a new history kind): the value, made readable. */
export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value.toLowerCase().replace(/_/g, ' ');
}
