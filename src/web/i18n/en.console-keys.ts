import type { zhConsoleKeys } from './zh.console-keys';

/** English UI strings of the operator console's keyboard use (spread into en.ts). */
export const enConsoleKeys: Record<keyof typeof zhConsoleKeys, string> = {
  'wo.keys.title': 'Keyboard (a whole call without the mouse)',
  'wo.keys.caller': 'Caller’s number or name',
  'wo.keys.category': 'Category (pinyin initials work, e.g. djlr)',
  'wo.keys.place': 'Place',
  'wo.keys.description': 'What the call is about',
  'wo.keys.contact': 'Contact',
  'wo.keys.enter': 'Look the caller up; choose in a list; next field',
  'wo.keys.arrows': 'Move in the residents list and in drop-downs',
  'wo.keys.accept': 'Accept the order',
  'wo.keys.escape': 'In the caller box: clear the caller',
  'wo.keys.nextCall': 'Next call (clears the page)',
  'wo.console.searchPlaceholder': 'Phone or name (pinyin initials too)',
  'wo.console.callerSearch': 'Caller’s number or name',
  'wo.console.nameResults': 'Residents of that name ({count})',
  'wo.console.noNameMatch': 'No resident of that name in the register',
};
