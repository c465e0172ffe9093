import type { zhPhone } from './zh.phone';

/** English UI strings of the phone: the grid worker's home, the offline banner, camera photos (spread into en.ts). */
export const enPhone: Record<keyof typeof zhPhone, string> = {
  'nav.phoneHome': 'My home',
  'phone.home.title': 'Waiting for me',
  'phone.waiting.toSign': 'To sign',
  'phone.waiting.toResolve': 'To resolve',
  'phone.waiting.overdue': 'Overdue',
  'phone.waiting.reopened': 'Sent back',
  'phone.waiting.more': '{count}+',
  'phone.search.title': 'Find a resident',
  'phone.search.placeholder': 'Name, pinyin initials or last 4 phone digits',
  'phone.search.empty': 'No resident matches',
  'phone.search.age': 'age {age}',
  'phone.buildings.title': 'Buildings of {grid}',
  'phone.buildings.titleNone': 'My grid',
  'phone.buildings.empty': 'The grid has no buildings yet',
  'phone.offline': 'You are offline: open pages stay readable; sending waits for the network.',
  'phone.flag.overdue': 'Overdue only',
  'phone.flag.reopened': 'Reopened only',
  'phone.photo.camera': 'Take a photo',
  'phone.photo.failed': 'The photo “{name}” cannot be read; choose another',
  'phone.list.more': 'Details',
} as const;
