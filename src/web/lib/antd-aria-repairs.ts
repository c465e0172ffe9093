/**
 * Repairs to what antd draws that its props cannot reach, made once for every page (issue 17,
 * WCAG 2.1 AA; found by axe-core in the browser suites). Each repair is idempotent and runs on the
 * elements antd adds, at most once a frame.
 */

/**
 * A table that scrolls inside itself (`scroll.x` for a wide table on a 360-px phone, `scroll.y`)
 * must be reachable and scrollable with the keyboard (WCAG 2.1.1, axe scrollable-region-focusable):
 * antd gives its scrolling box no tabIndex and no way to pass one.
 */
function focusScrollingTables(root: ParentNode): void {
  const boxes = '.ant-table-content[style*="overflow"]:not([tabindex]), .ant-table-body:not([tabindex])';
  for (const box of root.querySelectorAll<HTMLElement>(boxes)) box.tabIndex = 0;
}

/**
 * Tabs that overflow show a "more" button, which antd puts inside the element with
 * role="tablist", where only tabs may be (WCAG 4.1.2, axe aria-required-children): the role moves
 * to the list that holds just the tabs.
 */
function repairTabs(root: ParentNode): void {
  for (const nav of root.querySelectorAll<HTMLElement>('.ant-tabs-nav[role="tablist"]')) {
    const list = nav.querySelector<HTMLElement>('.ant-tabs-nav-list');
    if (!list) continue;
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-orientation', nav.getAttribute('aria-orientation') ?? 'horizontal');
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
  }
}

/**
 * References to elements antd never draws (axe aria-valid-attr-value, WCAG 4.1.2): an open tree
 * picker's input names a list `<id>_list` and its options, which only a plain Select renders; the
 * tabs' "more" button names its menu before the menu exists. A reference to nothing is dropped.
 */
const REFERENCES = ['aria-controls', 'aria-owns', 'aria-activedescendant'];
const REFERRING = REFERENCES.flatMap((name) => [
  `.ant-tree-select [${name}]`,
  `.ant-tabs-nav-more[${name}]`,
]).join(', ');

function dropDanglingReferences(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>(REFERRING)) {
    for (const name of REFERENCES) {
      const target = element.getAttribute(name);
      if (target && !document.getElementById(target)) element.removeAttribute(name);
    }
  }
}

/**
 * A Select with option groups: the hidden list antd keeps for screen readers draws a group's
 * heading with role="presentation" and still gives it aria-selected (axe aria-allowed-attr,
 * WCAG 4.1.2). The list is redrawn as the active option moves, so this runs in the observer's
 * own callback, before any script or check that comes after the change.
 */
function dropSelectionOfGroupHeadings(root: ParentNode): void {
  for (const heading of root.querySelectorAll<HTMLElement>('[role="presentation"][aria-selected]'))
    heading.removeAttribute('aria-selected');
}

function repair(): void {
  focusScrollingTables(document);
  repairTabs(document);
  dropDanglingReferences(document);
}

/** Watches the document and repairs what antd adds (checked at most once a frame). */
export function repairAntdAria(): void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    dropSelectionOfGroupHeadings(document);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      repair();
    });
  });
  // Attributes too: a picker sets its references each time it opens.
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributeFilter: [...REFERENCES, 'aria-selected'],
  });
  dropSelectionOfGroupHeadings(document);
  repair();
}
