/** The current UI language: kept in localStorage, read by the API client for Accept-Language. */
export type Language = 'zh' | 'en';

const STORAGE_KEY = 'lianxin.language';

function readStored(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Language = readStored();

export const currentLanguage = (): Language => current;

/** Uses a language on this page without remembering it (English could not be loaded offline). */
export function speakOnThisPage(language: Language): void {
  current = language;
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

export function storeLanguage(language: Language): void {
  speakOnThisPage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts until the page reloads.
  }
}

/** The Accept-Language header value for API requests, so server messages match the UI. */
export const acceptLanguage = (): string => (current === 'zh' ? 'zh-CN' : 'en');
