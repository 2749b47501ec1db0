// DOM patching for the widgets' views, which only patch the nodes the server rendered: write only what changed.
// Even writing an attribute's current value invalidates style, and a step must stay well under a millisecond.

type Target = Element | null | undefined;

/** Sets the text of `node` if it differs. */
export function setText(node: Target, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}

/** Sets attributes on `node`, skipping those that already have the value; `null` removes one. */
export function setAttributes(node: Target, values: Readonly<Record<string, string | number | null>>): void {
  if (!node) return;
  for (const [name, value] of Object.entries(values)) {
    if (value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else if (node.getAttribute(name) !== String(value)) node.setAttribute(name, String(value));
  }
}

/** Shows or hides `node` with the `hidden` attribute (HTML and SVG alike), if that changes anything. */
export function setShown(node: Target, visible: boolean): void {
  if (node && node.hasAttribute('hidden') === visible) node.toggleAttribute('hidden', !visible);
}

/** Sets a control's value, unless the learner is using it: the focused control keeps what they are doing. */
export function setValue(control: HTMLInputElement | HTMLSelectElement | null | undefined, value: string): void {
  if (control && control !== document.activeElement && control.value !== value) control.value = value;
}

/** A play/pause button: `data-playing` for its look, and its label from `data-play` or `data-pause`. */
export function setPlaying(button: HTMLElement | null, playing: boolean): void {
  if (!button) return;
  setAttributes(button, { 'data-playing': String(playing) });
  const label = playing ? button.dataset.pause : button.dataset.play;
  if (label !== undefined) setText(button.querySelector('[data-label]'), label);
}
