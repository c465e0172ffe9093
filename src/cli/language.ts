import type { Language } from '../server/i18n/messages.js';

/**
 * The language the command answers in: English when the locale asks for it (LC_ALL, LC_MESSAGES
 * or LANG starting with "en"), Chinese otherwise — the operators' language, and the import's.
 */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
