// <dl-attention>: makes the server-rendered attention widget live. It reads events, calls the model and patches
// the nodes the server rendered (the fields, the three tables, the message); it never builds markup.
import { setAttributes, setShown, setText } from '../kit/dom-patch.ts';
import { WidgetElement } from '../kit/widget-element.ts';
import {
  derive,
  widgetModel,
  type AttentionAction,
  type AttentionMessages,
  type AttentionState,
  type AttentionView,
  type FieldName,
} from './model.ts';

export class AttentionElement extends WidgetElement<AttentionState, AttentionAction> {
  /** The model's sentences in the page's language, from the server-rendered message (AttentionWidget.astro). */
  #messages = {} as AttentionMessages;

  constructor() {
    super(widgetModel, { revealsSharedLink: true });
  }

  protected override setUp(): void {
    this.#messages = JSON.parse(this.querySelector<HTMLElement>('[data-messages]')?.dataset.messages ?? '{}');
  }

  #view(): AttentionView {
    return derive(this.state, this.#messages);
  }

  protected override onInput(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'number')
      this.dispatch({ type: 'edit', field: target.dataset.field as FieldName, text: target.value });
  }

  protected override onChange(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const field = target.dataset.field;
    if (field === 'causal' || field === 'scaled') this.dispatch({ type: field, on: target.checked });
    // Leaving a field with a good number tidies its text ("1.50" → "1.5"); a bad one stays for the learner to fix.
    else this.#writeFields(this.#view(), null);
  }

  protected override onAction(action: string): void {
    if (action === 'reset') this.dispatch({ type: 'reset' });
  }

  protected override announcement(): string {
    return this.#view().announcement;
  }

  protected override render(): void {
    const view = this.#view();
    this.#writeFields(view, document.activeElement);
    for (const field of ['causal', 'scaled'] as const) {
      const box = this.querySelector<HTMLInputElement>(`input[data-field="${field}"]`);
      if (box && box.checked !== this.state[field]) box.checked = this.state[field];
    }
    setText(this.querySelector('[data-scale]'), view.scale);
    this.#writeCells('score', view.scores, (cell, text) => setText(cell.firstElementChild, text));
    this.#writeCells('output', view.output, (cell, text) => setText(cell.firstElementChild, text));
    this.#writeCells('weight', view.weights, (cell, { text, level, masked }) => {
      setText(cell.firstElementChild, text);
      setShown(cell.lastElementChild, masked);
      setAttributes(cell, { 'data-masked': masked ? '' : null, style: `--w:${level.toFixed(4)}` });
    });
    const message = this.querySelector('[data-testid="message"]');
    setText(message, view.message);
    setShown(message, !!view.message);
  }

  /** Calls `write` on each cell of the table `name` (`weight-1-2`) with its entry of `values`. */
  #writeCells<T>(name: string, values: readonly (readonly T[])[], write: (cell: Element, value: T) => void): void {
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = this.querySelector(`[data-testid="${name}-${i + 1}-${j + 1}"]`);
        if (cell) write(cell, value);
      }),
    );
  }

  /**
   * Writes the entries into the fields, except into `skip` (the field being edited) and into a field whose text is
   * unusable: what the learner typed stays there, marked, for them to fix.
   */
  #writeFields(view: AttentionView, skip: Element | null): void {
    const invalid = new Set(view.invalidFields);
    const messageId = this.querySelector('[data-testid="message"]')?.id ?? '';
    for (const { field, text } of view.fields) {
      const input = this.querySelector<HTMLInputElement>(`input[data-field="${field}"]`);
      if (!input) continue;
      const bad = invalid.has(field);
      setAttributes(input, { 'aria-invalid': String(bad), 'aria-describedby': bad ? messageId : null });
      if (!bad && input !== skip && input.value !== text) input.value = text;
    }
  }
}

if (!customElements.get('dl-attention')) customElements.define('dl-attention', AttentionElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-attention': AttentionElement;
  }
}
