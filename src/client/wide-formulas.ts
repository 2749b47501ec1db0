// Loaded by site.ts on pages with display formulas.

const formulas = () => document.querySelectorAll<HTMLElement>('.katex-display');

function measure(formula: HTMLElement): void {
  if (formula.scrollWidth > formula.clientWidth) formula.tabIndex = 0;
}

/**
 * A display formula wider than the column scrolls; keyboard users need to reach it to scroll it. Its width
 * depends on the KaTeX fonts (until they load, a fallback lays it out) and on the window.
 *
 * A formula in a section the browser has not drawn yet (content-visibility: auto, src/pipeline/render/
 * rehype-deferred-sections.ts) is not measured with the others: measuring it would lay its section out, the cost
 * the sections save a reader who scrolls. It is measured when its section is drawn, or, for every formula at
 * once, when the reader first presses Tab, before the browser moves the focus: a keyboard user can then reach a
 * formula far below without scrolling to it first.
 */
export function focusableWideFormulas(): void {
  const measureDrawn = () => {
    for (const formula of formulas()) if (formula.checkVisibility({ contentVisibilityAuto: true })) measure(formula);
  };
  let measuredAll = false;
  // Once a keyboard user has pressed Tab, a change of fonts or window measures them all again.
  const changed = () => (measuredAll ? formulas().forEach(measure) : measureDrawn());
  changed();
  void document.fonts.ready.then(changed);
  addEventListener('resize', changed);
  addEventListener('contentvisibilityautostatechange', measureDrawn, true);
  addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Tab' || measuredAll) return;
      measuredAll = true;
      formulas().forEach(measure);
    },
    true,
  );
}
