// <dl-neuron>: makes the server-rendered neuron widget live. It only reads events, calls the model and patches
// the nodes the server rendered (all eight input rows exist; unused ones are hidden), so it never builds markup.
import type { Lang } from '../../lib/content/lang.ts';
import {
  HASH_SEGMENT,
  derive,
  fromHash,
  initialState,
  toHash,
  update,
  type FieldName,
  type NeuronAction,
  type NeuronState,
  type NeuronView,
} from './model.ts';
import { replaceHashSegment } from '../hash-sync.ts';

/** Wait this long after the last change before touching the URL (Safari throttles history.replaceState). */
const HASH_DELAY_MS = 300;
/** Wait this long after the last change before announcing, so a dragged slider is read once, not 20 times. */
const ANNOUNCE_DELAY_MS = 500;

export class NeuronElement extends HTMLElement {
  #state: NeuronState = initialState;
  #lang: Lang = 'zh';
  #hashTimer = 0;
  #announceTimer = 0;
  #connected = false;

  connectedCallback(): void {
    if (this.#connected) return;
    this.#connected = true;
    this.#lang = this.dataset.lang === 'en' ? 'en' : 'zh';
    this.addEventListener('input', this.#onInput);
    this.addEventListener('change', this.#onChange);
    this.addEventListener('click', this.#onClick);
    window.addEventListener('hashchange', this.#onHashChange);
    const shared = fromHash(location.hash);
    this.#state = shared ?? initialState;
    this.#render({ announce: false });
    // A shared link names no element the browser could scroll to: bring the widget into view.
    if (shared) this.scrollIntoView({ block: 'center' });
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    this.#connected = false;
    this.removeEventListener('input', this.#onInput);
    this.removeEventListener('change', this.#onChange);
    this.removeEventListener('click', this.#onClick);
    window.removeEventListener('hashchange', this.#onHashChange);
    clearTimeout(this.#hashTimer);
    clearTimeout(this.#announceTimer);
  }

  dispatch(action: NeuronAction, options: { writeHash?: boolean } = {}): void {
    const next = update(this.#state, action);
    if (next === this.#state) return;
    this.#state = next;
    this.#render({ announce: true });
    if (options.writeHash !== false) this.#scheduleHash();
  }

  #onInput = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.field) {
      this.dispatch({ type: 'edit', field: target.dataset.field as FieldName, text: target.value });
    }
  };

  #onChange = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLSelectElement) this.dispatch({ type: 'activation', activation: target.value });
    // Leaving a field with a good number tidies its text ("+.50" → "0.5"); a bad one stays for the learner to fix.
    else if (target instanceof HTMLInputElement && target.type === 'text')
      this.#writeFields(derive(this.#state, this.#lang), null);
  };

  #onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement) || button.getAttribute('aria-disabled') === 'true') return;
    this.dispatch({ type: button.dataset.action === 'add' ? 'add' : 'remove' });
  };

  #onHashChange = (): void => {
    const loaded = fromHash(location.hash);
    if (loaded) this.dispatch({ type: 'load', state: loaded }, { writeHash: false });
  };

  #scheduleHash(): void {
    clearTimeout(this.#hashTimer);
    this.#hashTimer = window.setTimeout(() => {
      replaceHashSegment(HASH_SEGMENT, toHash(this.#state));
    }, HASH_DELAY_MS);
  }

  #render({ announce }: { announce: boolean }): void {
    const view = derive(this.#state, this.#lang);
    for (const row of this.querySelectorAll<HTMLElement>('[data-row]')) show(row, Number(row.dataset.row) < view.count);
    this.#writeFields(view, document.activeElement);
    this.#setDisabled('add', !view.canAdd);
    this.#setDisabled('remove', !view.canRemove);
    const select = this.querySelector('select');
    if (select && select.value !== this.#state.activation) select.value = this.#state.activation;
    if (view.steps) {
      this.#text('[data-testid="z-line"]', view.steps.z);
      this.#text('[data-testid="y-line"]', view.steps.y);
      this.#text('[data-testid="d-line"]', view.steps.dydz);
    }
    const message = this.querySelector('[data-testid="message"]');
    text(message, view.message);
    show(message, !!view.message);
    this.#drawDiagram(view);
    if (announce) {
      clearTimeout(this.#announceTimer);
      this.#announceTimer = window.setTimeout(
        () => this.#text('[data-testid="announce"]', view.announcement),
        ANNOUNCE_DELAY_MS,
      );
    }
  }

  /** Writes the numbers into sliders and fields, except into `skip` (the element being edited). */
  #writeFields(view: NeuronView, skip: Element | null): void {
    const invalid = new Set(view.invalidFields);
    const messageId = this.querySelector('[data-testid="message"]')?.id ?? '';
    for (const { field, text, slider } of view.fields) {
      for (const input of this.querySelectorAll<HTMLInputElement>(`input[data-field="${field}"]`)) {
        const isSlider = input.type === 'range';
        if (!isSlider)
          attrs(input, {
            'aria-invalid': String(invalid.has(field)),
            'aria-describedby': invalid.has(field) ? messageId : null,
          });
        if (input === skip || (!isSlider && invalid.has(field))) continue;
        const value = isSlider ? slider : text;
        if (input.value !== value) input.value = value;
      }
    }
  }

  #setDisabled(action: string, disabled: boolean): void {
    attrs(this.querySelector(`button[data-action="${action}"]`), { 'aria-disabled': String(disabled) });
  }

  #text(selector: string, value: string): void {
    text(this.querySelector(selector), value);
  }

  #drawDiagram(view: NeuronView): void {
    const { diagram } = view;
    for (const group of this.querySelectorAll<SVGGElement>('g[data-input]')) {
      const input = diagram.inputs[Number(group.dataset.input)];
      show(group, !!input);
      if (!input) continue;
      const [edge, weight, node, label, value] = group.children;
      setEdge(edge, input);
      attrs(weight, { x: input.labelX, y: input.labelY });
      text(weight, input.w);
      attrs(node, { cy: input.cy });
      attrs(label, { y: input.cy });
      attrs(value, { y: input.cy });
      text(value, input.x);
    }
    const bias = this.querySelector('g[data-bias]');
    if (bias) {
      setEdge(bias.children[0], diagram.bias);
      text(bias.children[3], diagram.bias.b);
    }
    this.#text('[data-testid="diagram-activation"]', diagram.activation);
    this.#text('[data-testid="diagram-y"]', `y = ${diagram.y}`);
  }
}

function setEdge(edge: Element | undefined, { d, width, sign }: { d: string; width: number; sign: string }): void {
  attrs(edge, { d, 'stroke-width': width, class: `neuron-widget__edge neuron-widget__edge--${sign}` });
}

// DOM patching: write only what changed. Even writing an attribute's current value invalidates style, and a
// step must stay well under a millisecond. (Kept in each view: as a module of its own it would be a separate chunk.)

/** Sets attributes on `node`, skipping those that already have the value; `null` removes one. */
function attrs(node: Element | null | undefined, values: Record<string, string | number | null>): void {
  if (!node) return;
  for (const [name, value] of Object.entries(values)) {
    if (value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else if (node.getAttribute(name) !== String(value)) node.setAttribute(name, String(value));
  }
}

/** Sets the text of `node` if it differs. */
function text(node: Element | null | undefined, value: string): void {
  if (node && node.textContent !== value) node.textContent = value;
}

/** Shows or hides `node` with the `hidden` attribute (HTML and SVG alike), if that changes anything. */
function show(node: Element | null | undefined, visible: boolean): void {
  if (node && node.hasAttribute('hidden') === visible) node.toggleAttribute('hidden', !visible);
}

if (!customElements.get('dl-neuron')) customElements.define('dl-neuron', NeuronElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-neuron': NeuronElement;
  }
}
