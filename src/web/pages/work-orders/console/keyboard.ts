import type { KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[type=submit]';

/**
 * Enter moves to the next field instead of submitting half a form, as operators type a call in
 * one go; Ctrl+Enter (or ⌘+Enter) submits from anywhere. Pickers (comboboxes) and text areas keep
 * Enter for themselves.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>, submit: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  const target = event.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.getAttribute('role') === 'combobox') return;
  if (target.closest('.ant-picker')) return;
  event.preventDefault();
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>(FIELDS)].filter(
    (field) => field.offsetParent !== null,
  );
  fields[fields.indexOf(target) + 1]?.focus();
}
