import { en } from './en';
import type { Language } from './language';
import { type MessageKey, zh } from './zh';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { zh, en };

export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** For keys built from server values (role names, region kinds…): whether the dictionary has it. */
export const isMessageKey = (key: string): key is MessageKey => key in zh;
