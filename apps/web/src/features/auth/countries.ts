import { getAlpha2Codes } from 'i18n-iso-countries';
import { PROGRAMME_COUNTRIES } from '@ecampus/contracts';
import { formatters, type UiLanguage } from '../../lib/i18n';

export interface CountryOption {
  code: string;
  name: string;
}

/** The programme's countries in their set order, then every other ISO country sorted by name. */
export function countryOptions(lang: UiLanguage): { programme: CountryOption[]; others: CountryOption[] } {
  const { countryName } = formatters(lang);
  const programme = new Set<string>(PROGRAMME_COUNTRIES);
  const collator = new Intl.Collator(lang);
  return {
    programme: PROGRAMME_COUNTRIES.map((code) => ({ code, name: countryName(code) })),
    others: Object.keys(getAlpha2Codes())
      .filter((code) => !programme.has(code))
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}
