// The set-up the widget specs share: a browser session whose page must log no error and load nothing broken,
// opening a note at a widget once its custom element is live, reading its parts and its announcements, and the
// checks every widget passes (no layout shift while loading, a 320 px phone, the page without JavaScript).
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openBrowser, type Session } from './browser.ts';
import { recordLayoutShifts, shiftsInside } from './layout-shift.ts';
import { useCheckedPage } from './page.ts';

export interface OpenOptions {
  /**
   * Scroll the widget into view once it is live. Widgets that draw at their real size (the activation plot,
   * the playground's canvases) start when they come near the viewport, as a reader scrolls to them.
   */
  readonly scroll?: boolean;
}

/** Opens `url` and waits until the widget `testId` is live (its view sets `data-ready`); returns the widget. */
export async function openWidget(page: Page, url: string, testId: string, options: OpenOptions = {}): Promise<Locator> {
  await page.goto(url);
  const widget = page.getByTestId(testId);
  await waitUntilLive(page, widget);
  if (options.scroll) await widget.scrollIntoViewIfNeeded();
  return widget;
}

/** Waits until `widget` is live again, e.g. after a reload. */
export async function waitUntilLive(page: Page, widget: Locator): Promise<void> {
  await widget.and(page.locator('[data-ready]')).waitFor();
}

/** A widget spec's browser: one page for the whole `describe`, and the widget last opened on it. */
export interface WidgetPage {
  readonly session: Session;
  readonly page: Page;
  readonly widget: Locator;
  /** Opens `url` on the spec's page (then `widget` is its widget) or on `on`; returns the widget. */
  open(url: string, on?: Page): Promise<Locator>;
  /** The part of the widget with this `data-testid`. */
  part(testId: string): Locator;
  /** The trimmed text of a part. */
  text(testId: string): Promise<string>;
  /** What the widget last told screen readers, in its polite live region. */
  announcement(): Promise<string>;
}

/**
 * Registers, in the calling `describe`, a browser session (1280 × 900 unless `browser` says otherwise) for the
 * widget `testId`, whose page must log no console error and have no failed request by the end.
 */
export function useWidgetPage(
  testId: string,
  options: OpenOptions & { readonly browser?: BrowserContextOptions } = {},
): WidgetPage {
  const checked = useCheckedPage({ viewport: { width: 1280, height: 900 }, ...options.browser });
  let widget: Locator | undefined;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: call open() inside a test`);
    return value;
  };
  const part = (id: string) => need(widget, 'The widget').getByTestId(id);
  return {
    get session() {
      return checked.session;
    },
    get page() {
      return checked.page;
    },
    get widget() {
      return need(widget, 'The widget');
    },
    async open(url, on) {
      const found = await openWidget(on ?? checked.page, url, testId, options);
      if (!on || on === checked.page) widget = found;
      return found;
    },
    part,
    text: async (id) => (await part(id).textContent())?.trim() ?? '',
    announcement: async () => (await part('announce').textContent()) ?? '',
  };
}

/** Layout shifts inside the widget `tag` while a fresh page of `session` loads `url` (the goal is none). */
export async function shiftsWhileLoading(
  session: Session,
  url: string,
  tag: string,
  options: OpenOptions & { readonly width?: number } = {},
): Promise<string[]> {
  const page = await session.context.newPage();
  try {
    if (options.width) await page.setViewportSize({ width: options.width, height: 640 });
    await recordLayoutShifts(page);
    await page.goto(url);
    const live = page.locator(`${tag}[data-ready]`);
    if (options.scroll) await live.scrollIntoViewIfNeeded();
    else await live.waitFor();
    await page.waitForTimeout(300);
    return await shiftsInside(page, tag);
  } finally {
    await page.close();
  }
}

export const PHONE_WIDTH = 320;

/** Opens `url` on a new 320 px wide page of `session`; the page must not scroll sideways. Close it when done. */
export async function openOnPhone(
  session: Session,
  url: string,
  testId: string,
  options: OpenOptions = {},
): Promise<{ page: Page; widget: Locator }> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: PHONE_WIDTH, height: 640 });
  const widget = await openWidget(page, url, testId, options);
  return { page, widget };
}

/** Every part named stays within the phone's width (and, with `minWidth`, is at least that wide to be usable). */
export async function expectPartsFitPhone(
  widget: Locator,
  testIds: readonly string[],
  minWidth?: number,
): Promise<void> {
  expect(await widget.page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
  for (const testId of testIds) {
    const box = (await widget.getByTestId(testId).boundingBox())!;
    expect(box.x + box.width, testId).toBeLessThanOrEqual(PHONE_WIDTH);
    if (minWidth !== undefined) expect(box.width, testId).toBeGreaterThan(minWidth);
  }
}

/** Runs `check` on the widget `testId` of `url` in a browser without JavaScript, as readers without it see it. */
export async function withoutJavaScript(
  url: string,
  testId: string,
  check: (widget: Locator) => Promise<void>,
): Promise<void> {
  const session = await openBrowser({ javaScriptEnabled: false });
  try {
    const page = await session.context.newPage();
    await page.goto(url);
    await check(page.getByTestId(testId));
  } finally {
    await session.close();
  }
}
