import type { Language } from './language';
import { languagePack } from './language-packs';
import { type MessageKey, zh } from './zh';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** `t` of a loaded language (see language-packs.ts). */
export function translator(language: Language): Translate {
  const dictionary = languagePack(language).messages;
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** For keys built from server values (role names, region kinds…): whether the dictionary has it. */
export const isMessageKey = (key: string): key is MessageKey => key in zh;
