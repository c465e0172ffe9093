import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../../i18n/translate';

/** A key of the console and what it does, as the shortcuts card lists them. */
export interface Shortcut {
  keys: string[];
  label: MessageKey;
}

/** The console's keys, in the order of a call. Alt+digit jumps to a field (Alt+N: next call). */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Alt', '1'], label: 'wo.keys.caller' },
  { keys: ['Alt', '2'], label: 'wo.keys.category' },
  { keys: ['Alt', '3'], label: 'wo.keys.place' },
  { keys: ['Alt', '4'], label: 'wo.keys.description' },
  { keys: ['Alt', '5'], label: 'wo.keys.contact' },
  { keys: ['Enter'], label: 'wo.keys.enter' },
  { keys: ['↑ ↓'], label: 'wo.keys.arrows' },
  { keys: ['Ctrl', 'Enter'], label: 'wo.keys.accept' },
  { keys: ['Esc'], label: 'wo.keys.escape' },
  { keys: ['Alt', 'N'], label: 'wo.keys.nextCall' },
];

interface Handlers {
  /** Alt+1 … Alt+5: the field of that number. */
  jump: (field: 1 | 2 | 3 | 4 | 5) => void;
  /** Ctrl+Enter (⌘+Enter) outside the order form, which handles its own. */
  accept: () => void;
  nextCall: () => void;
}

/**
 * The console's page-wide keys. Digits are read from `code` (Alt+1 types ¡ on a Mac keyboard);
 * a key the order form already handled (defaultPrevented) is left alone, so Ctrl+Enter submits once.
 */
export function useConsoleShortcuts(handlers: Handlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const digit = /^Digit([1-5])$/.exec(event.code)?.[1];
        if (digit) {
          event.preventDefault();
          current.current.jump(Number(digit) as 1 | 2 | 3 | 4 | 5);
        } else if (event.code === 'KeyN') {
          event.preventDefault();
          current.current.nextCall();
        }
        return;
      }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        current.current.accept();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
