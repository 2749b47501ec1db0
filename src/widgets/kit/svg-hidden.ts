// `hidden` on the SVG elements a widget shows and hides (dom-patch.ts: setShown). Browsers honour it (widget.css
// hides `.widget [hidden]`), but the SVG attribute types of Astro lack it, so a component spreads this instead.

/** `{ hidden: '' }` when `hide`, else nothing: `<g {...hiddenIf(!shown)}>`. */
export const hiddenIf = (hide: boolean): Record<string, string> => (hide ? { hidden: '' } : {});
