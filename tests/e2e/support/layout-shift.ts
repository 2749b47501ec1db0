// Records Chromium's layout-shift entries from the first paint on, so a test can tell whether anything inside
// a given element moved while the page loaded.
import type { Page } from 'playwright-core';

interface Shift {
  value: number;
  hadRecentInput: boolean;
  nodes: Node[];
}

const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, nodes: (entry.sources || []).map((s) => s.node).filter(Boolean) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Call before `page.goto`. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(RECORD_SHIFTS);
}

/** Layout shifts, not caused by input, of nodes inside `selector` (or of the element itself), as readable strings. */
export async function shiftsInside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const widget = document.querySelector(sel);
    const shifts = (window as unknown as { __shifts: Shift[] }).__shifts;
    return shifts
      .filter((shift) => !shift.hadRecentInput)
      .flatMap((shift) =>
        shift.nodes
          .filter((node) => widget && (widget === node || widget.contains(node)))
          .map((node) => `${shift.value.toFixed(4)} ${(node as Element).outerHTML?.slice(0, 80) ?? node.nodeName}`),
      );
  }, selector);
}
