// <dl-neuron>: makes the server-rendered neuron widget live. It only reads events, calls the model and patches
// the nodes the server rendered (all eight input rows exist; unused ones are hidden), so it never builds markup.
import { setAttributes, setShown, setText, setValue } from '../kit/dom-patch.ts';
import { WidgetElement } from '../kit/widget-element.ts';
import {
  derive,
  widgetModel,
  type FieldName,
  type NeuronAction,
  type NeuronMessages,
  type NeuronState,
  type NeuronView,
} from './model.ts';

export class NeuronElement extends WidgetElement<NeuronState, NeuronAction> {
  /** The model's sentences in the page's language, from the server-rendered message (NeuronWidget.astro). */
  #messages = {} as NeuronMessages;

  constructor() {
    super(widgetModel, { revealsSharedLink: true });
  }

  protected override setUp(): void {
    this.#messages = JSON.parse(this.querySelector<HTMLElement>('[data-messages]')?.dataset.messages ?? '{}');
  }

  #view(): NeuronView {
    return derive(this.state, this.#messages);
  }

  protected override onInput(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.field) {
      this.dispatch({ type: 'edit', field: target.dataset.field as FieldName, text: target.value });
    }
  }

  protected override onChange(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLSelectElement) this.dispatch({ type: 'activation', activation: target.value });
    // Leaving a field with a good number tidies its text ("+.50" → "0.5"); a bad one stays for the learner to fix.
    else if (target instanceof HTMLInputElement && target.type === 'text') this.#writeFields(this.#view(), null);
  }

  protected override onAction(action: string): void {
    this.dispatch({ type: action === 'add' ? 'add' : 'remove' });
  }

  protected override announcement(): string {
    return this.#view().announcement;
  }

  protected override render(): void {
    const view = this.#view();
    for (const row of this.querySelectorAll<HTMLElement>('[data-row]'))
      setShown(row, Number(row.dataset.row) < view.count);
    this.#writeFields(view, document.activeElement);
    this.#setDisabled('add', !view.canAdd);
    this.#setDisabled('remove', !view.canRemove);
    setValue(this.querySelector('select'), this.state.activation);
    if (view.steps) {
      this.#text('[data-testid="z-line"]', view.steps.z);
      this.#text('[data-testid="y-line"]', view.steps.y);
      this.#text('[data-testid="d-line"]', view.steps.dydz);
    }
    const message = this.querySelector('[data-testid="message"]');
    setText(message, view.message);
    setShown(message, !!view.message);
    this.#drawDiagram(view);
  }

  /**
   * Writes the numbers into each field's slider and text field, except into `skip` (the element being edited) and
   * into a text field whose text is unusable: what the learner typed stays there, marked, for them to fix.
   */
  #writeFields(view: NeuronView, skip: Element | null): void {
    const invalid = new Set(view.invalidFields);
    const messageId = this.querySelector('[data-testid="message"]')?.id ?? '';
    const write = (input: HTMLInputElement | undefined, value: string) => {
      if (input && input !== skip && input.value !== value) input.value = value;
    };
    for (const { field, text, slider } of view.fields) {
      // Each field's slider comes first, then its text field (NumberPair.astro).
      const [range, box] = this.querySelectorAll<HTMLInputElement>(`input[data-field="${field}"]`);
      const bad = invalid.has(field);
      setAttributes(box, { 'aria-invalid': String(bad), 'aria-describedby': bad ? messageId : null });
      write(range, slider);
      if (!bad) write(box, text);
    }
  }

  #setDisabled(action: string, disabled: boolean): void {
    setAttributes(this.querySelector(`button[data-action="${action}"]`), { 'aria-disabled': String(disabled) });
  }

  #text(selector: string, value: string): void {
    setText(this.querySelector(selector), value);
  }

  #drawDiagram(view: NeuronView): void {
    const { diagram } = view;
    for (const group of this.querySelectorAll<SVGGElement>('g[data-input]')) {
      const input = diagram.inputs[Number(group.dataset.input)];
      setShown(group, !!input);
      if (!input) continue;
      const [edge, weight, node, label, value] = group.children;
      setEdge(edge, input);
      setAttributes(weight, { x: input.labelX, y: input.labelY });
      setText(weight, input.w);
      setAttributes(node, { cy: input.cy });
      setAttributes(label, { y: input.cy });
      setAttributes(value, { y: input.cy });
      setText(value, input.x);
    }
    const bias = this.querySelector('g[data-bias]');
    if (bias) {
      setEdge(bias.children[0], diagram.bias);
      setText(bias.children[3], diagram.bias.b);
    }
    this.#text('[data-testid="diagram-activation"]', diagram.activation);
    this.#text('[data-testid="diagram-y"]', `y = ${diagram.y}`);
  }
}

function setEdge(edge: Element | undefined, { d, width, sign }: { d: string; width: number; sign: string }): void {
  setAttributes(edge, { d, 'stroke-width': width, class: `neuron-widget__edge neuron-widget__edge--${sign}` });
}

if (!customElements.get('dl-neuron')) customElements.define('dl-neuron', NeuronElement);

declare global {
  interface HTMLElementTagNameMap {
    'dl-neuron': NeuronElement;
  }
}
