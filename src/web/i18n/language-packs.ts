import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import type { Language } from './language';
import { type MessageKey, zh } from './zh';

/** One language's words: the app's dictionary and antd's own texts. */
export interface LanguagePack {
  messages: Record<MessageKey, string>;
  antdLocale: Locale;
}

// Chinese is the default and comes with the first page; English is a chunk of its own.
const loaded: Partial<Record<Language, LanguagePack>> = { zh: { messages: zh, antdLocale: zhCN } };

/** Loads a language's pack once; resolves when `languagePack(language)` may be called. */
export async function loadLanguagePack(language: Language): Promise<void> {
  if (loaded[language]) return;
  const { english } = await import('./english');
  loaded.en = english;
}

/** A loaded language's pack (`loadLanguagePack` first: the app does so before it renders). */
export function languagePack(language: Language): LanguagePack {
  const pack = loaded[language];
  if (!pack) throw new Error(`language pack "${language}" is not loaded`);
  return pack;
}
