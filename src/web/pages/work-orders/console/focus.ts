/** What the keyboard can land on inside a part of the console: fields, pickers and buttons. */
const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

/** Focuses the first visible field inside an element; false when there is none. */
export function focusFirstIn(root: Element | null): boolean {
  if (!root) return false;
  const candidates = root.matches(FOCUSABLE) ? [root] : [...root.querySelectorAll(FOCUSABLE)];
  const target = candidates.find(
    (el): el is HTMLElement => el instanceof HTMLElement && el.offsetParent !== null,
  );
  target?.focus();
  return target !== undefined;
}

/** Focuses the field behind a test id (antd puts the id on the field itself or on its wrapper). */
export const focusTestId = (testId: string): boolean =>
  focusFirstIn(document.querySelector(`[data-testid="${testId}"]`));
