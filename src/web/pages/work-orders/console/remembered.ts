/** The console's last hotline and channel, kept in this browser: an operator sits on one line. */
const KEY = 'lianxin.console';

interface Remembered {
  hotlineId?: string;
  channel?: 'hotline' | 'walk_in' | 'visit';
}

export function recall(): Remembered {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Remembered;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

export function remember(changes: Remembered): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ ...recall(), ...changes }));
  } catch {
    // Private mode: the choice lasts until the page reloads.
  }
}
