import type { ReactNode } from 'react';

/**
 * A box that scrolls its content (a long summary table beside others) and that a keyboard user
 * can reach and scroll with the arrow keys: WCAG 2.1.1 asks that a scrolling region take focus,
 * and it is named so that a screen reader says what it holds (issue 17). antd's own `scroll.y`
 * body cannot take a tabIndex.
 */
export function ScrollRegion({
  label,
  maxHeight,
  children,
}: {
  label: string;
  maxHeight: number;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section tabIndex={0} aria-label={label} style={{ maxHeight, overflowY: 'auto' }}>
      {children}
    </section>
  );
}
