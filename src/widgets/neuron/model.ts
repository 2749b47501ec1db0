// The neuron widget's state and everything it shows, as pure functions: the server renders `derive(initialState)`
// and the custom element (view.ts) renders `derive(state)` after each `update`. Imports only src/lib.
import {
  ACTIVATION_IDS,
  activationFunctions as activations,
  isActivationId,
  type ActivationId,
} from '../../lib/nn/activation-core.ts';
import { formatNumber } from '../../lib/text/format-number.ts';
import { fillTemplate } from '../../lib/text/template.ts';
import { neuron, type NeuronError } from '../../lib/nn/neuron.ts';
import { stateHash, type WidgetModel } from '../kit/widget-model.ts';
import { hashList, hashOneOf, hashState, type HashType } from '../../lib/text/hash-state.ts';

export const MIN_INPUTS = 1;
export const MAX_INPUTS = 8;
/** Range and step of the sliders; the number fields accept anything within ±FIELD_LIMIT. */
export const SLIDER = { min: -5, max: 5, step: 0.1 } as const;
/** Largest magnitude a field accepts: beyond it the sum is no longer a number a learner can read. */
export const FIELD_LIMIT = 1000;
/** This widget's segment of the URL hash (see url-hash.ts): `#neuron:x=0.5,-1&w=1.2,0.3&b=0.1&f=relu`. */
export const HASH_SEGMENT = 'neuron';

/** A field as the learner sees it: `x1` … `x8`, `w1` … `w8`, `b`. 1-based, like the notes' x₁. */
export type FieldName = 'b' | `x${number}` | `w${number}`;

export interface InvalidField {
  readonly field: FieldName;
  /** What the learner typed. */
  readonly text: string;
  readonly reason: 'empty' | 'not-a-number' | 'out-of-range';
}

export interface NeuronState {
  readonly inputs: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  readonly activation: ActivationId;
  /** Fields whose text is not a usable number. The numbers above keep their last good values meanwhile. */
  readonly invalid: readonly InvalidField[];
}

export type NeuronAction =
  /** The text of a field or slider changed. */
  | { readonly type: 'edit'; readonly field: FieldName; readonly text: string }
  | { readonly type: 'activation'; readonly activation: string }
  | { readonly type: 'add' }
  | { readonly type: 'remove' }
  /** Replace the whole configuration (from the URL hash). */
  | { readonly type: 'load'; readonly state: NeuronState };

/** The worked example of the neuron note: x = (0.5, −1), w = (1.2, 0.3), b = 0.1, ReLU. */
export const initialState: NeuronState = {
  inputs: [0.5, -1],
  weights: [1.2, 0.3],
  bias: 0.1,
  activation: 'relu',
  invalid: [],
};

export type ParsedNumber =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: InvalidField['reason'] };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A field's text as a number: plain decimals and exponents (`-1.5`, `.5`, `2e-3`), full-width digits and the
 * typographic minus accepted; `-0` is 0. Anything else is `not-a-number`; beyond ±FIELD_LIMIT is `out-of-range`.
 */
export function parseNumber(text: string): ParsedNumber {
  const clean = text
    .normalize('NFKC')
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, '-');
  if (clean === '') return { ok: false, reason: 'empty' };
  if (!NUMBER.test(clean)) return { ok: false, reason: 'not-a-number' };
  const value = Number(clean);
  if (!(Math.abs(value) <= FIELD_LIMIT)) return { ok: false, reason: 'out-of-range' };
  return { ok: true, value: value + 0 }; // + 0 turns −0 into 0
}

function fieldIndex(field: FieldName, count: number): { kind: 'x' | 'w' | 'b'; index: number } | undefined {
  if (field === 'b') return { kind: 'b', index: 0 };
  const kind = field[0] as 'x' | 'w';
  const index = Number(field.slice(1)) - 1;
  return Number.isInteger(index) && index >= 0 && index < count ? { kind, index } : undefined;
}

const replaceAt = (values: readonly number[], index: number, value: number) =>
  values.map((v, i) => (i === index ? value : v));

/** The next state after `action`. Never throws: an unusable edit is recorded in `invalid` instead. */
export function update(state: NeuronState, action: NeuronAction): NeuronState {
  switch (action.type) {
    case 'edit': {
      const target = fieldIndex(action.field, state.inputs.length);
      if (!target) return state;
      const others = state.invalid.filter((entry) => entry.field !== action.field);
      const parsed = parseNumber(action.text);
      if (!parsed.ok)
        return { ...state, invalid: [...others, { field: action.field, text: action.text, reason: parsed.reason }] };
      const { kind, index } = target;
      return {
        ...state,
        inputs: kind === 'x' ? replaceAt(state.inputs, index, parsed.value) : state.inputs,
        weights: kind === 'w' ? replaceAt(state.weights, index, parsed.value) : state.weights,
        bias: kind === 'b' ? parsed.value : state.bias,
        invalid: others,
      };
    }
    case 'activation':
      return isActivationId(action.activation) ? { ...state, activation: action.activation } : state;
    case 'add':
      if (state.inputs.length >= MAX_INPUTS) return state;
      // A new input with weight 0 leaves z unchanged until the learner gives it a weight.
      return { ...state, inputs: [...state.inputs, 1], weights: [...state.weights, 0] };
    case 'remove': {
      const count = state.inputs.length;
      if (count <= MIN_INPUTS) return state;
      return {
        ...state,
        inputs: state.inputs.slice(0, -1),
        weights: state.weights.slice(0, -1),
        invalid: state.invalid.filter((entry) => entry.field !== `x${count}` && entry.field !== `w${count}`),
      };
    }
    case 'load':
      return action.state;
  }
}

/** A number in the hash, read like a field's text (parseNumber), so a link holds only what a learner could type. */
const hashFieldNumber: HashType<number> = {
  format: String,
  parse: (text) => {
    const parsed = parseNumber(text);
    return parsed.ok ? parsed.value : undefined;
  },
};

/** The configuration in the URL hash: `#neuron:x=0.5,-1&w=1.2,0.3&b=0.1&f=relu`. */
export const NEURON_HASH = hashState<Omit<NeuronState, 'invalid'>>(HASH_SEGMENT, {
  inputs: { key: 'x', type: hashList(hashFieldNumber) },
  weights: { key: 'w', type: hashList(hashFieldNumber) },
  bias: { key: 'b', type: hashFieldNumber },
  activation: { key: 'f', type: hashOneOf(ACTIVATION_IDS) },
});

/** The configuration as the body of this widget's hash segment: `x=0.5,-1&w=1.2,0.3&b=0.1&f=relu`. */
export function toHash(state: NeuronState): string {
  return NEURON_HASH.write(state);
}

/** The configuration in this widget's segment of a URL hash (with or without `#`), or undefined when none is valid. */
export function fromHash(hash: string): NeuronState | undefined {
  const shared = NEURON_HASH.readAll(hash);
  if (!shared) return undefined;
  const count = shared.inputs.length;
  if (count !== shared.weights.length || count < MIN_INPUTS || count > MAX_INPUTS) return undefined;
  return { ...shared, invalid: [] };
}

/**
 * The sentences the model writes, in the page's language (text.ts), as templates with named blanks (template.ts):
 * why a field is unusable, by reason (`{field}`, `{text}`); why the neuron cannot be computed, by error kind;
 * that the result shown is the last good one (`keep`); what screen readers hear (`announce`: `{z}`, `{y}`).
 */
export type NeuronMessages = Readonly<
  Record<InvalidField['reason'] | NeuronError['kind'] | 'keep' | 'announce', string>
>;

const shorten = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);

/** The sentence for one unusable field. */
export function invalidMessage(entry: InvalidField, messages: NeuronMessages): string {
  return fillTemplate(messages[entry.reason], { field: entry.field, text: shorten(entry.text.trim()) });
}

/** A number in a written-out formula: negative numbers in brackets, `(−1)`. */
const term = (value: number) => (value < 0 ? `(${formatNumber(value)})` : formatNumber(value));

// The diagram's layout, in px of its viewBox: the inputs' column and the radius of their nodes, the sum node Σ,
// the bias node above it. Named numbers here (DIAGRAM gathers them for the markup and the tests), so the script,
// which needs only the numbers, leaves the object out.
const INPUT_X = 60;
const INPUT_R = 12;
const SUM_X = 200;
const SUM_Y = 132;
const SUM_R = 20;
const BIAS_Y = 36;

/** Size of the diagram's viewBox and where its parts are. */
export const DIAGRAM = {
  width: 360,
  height: 240,
  inputX: INPUT_X,
  inputR: INPUT_R,
  sumX: SUM_X,
  sumY: SUM_Y,
  sumR: SUM_R,
  biasY: BIAS_Y,
} as const;

/** An edge into Σ. */
export interface DiagramEdge {
  readonly d: string;
  /** Stroke width, growing with the weight's magnitude. */
  readonly width: number;
  /** Sign of the weight: drawn solid (positive), dashed (negative) or dotted (zero), not only in colour. */
  readonly sign: 'positive' | 'negative' | 'zero';
}

export interface DiagramInput extends DiagramEdge {
  /** Centre of the input node. */
  readonly cy: number;
  /** Where the weight's value is written. */
  readonly labelX: number;
  readonly labelY: number;
  readonly x: string;
  readonly w: string;
}

export interface NeuronView {
  readonly count: number;
  readonly canAdd: boolean;
  readonly canRemove: boolean;
  /** Values to put into the fields and sliders (ASCII, as a number field wants them), by field name. */
  readonly fields: ReadonlyArray<{ readonly field: FieldName; readonly text: string; readonly slider: string }>;
  /** The computation written out, or undefined when it cannot be computed (the view keeps the last one). */
  readonly steps?: { readonly z: string; readonly y: string; readonly dydz: string };
  /** Empty when all is well; otherwise what is wrong and that the result shown is the last good one. */
  readonly message: string;
  /** Fields to mark aria-invalid. */
  readonly invalidFields: readonly FieldName[];
  /** The short summary screen readers hear after a change. */
  readonly announcement: string;
  readonly diagram: {
    readonly inputs: readonly DiagramInput[];
    readonly bias: DiagramEdge & { readonly b: string };
    readonly activation: string;
    readonly y: string;
  };
}

const clampSlider = (value: number) => String(Math.min(SLIDER.max, Math.max(SLIDER.min, value)));
const sign = (w: number) => (w > 0 ? 'positive' : w < 0 ? 'negative' : 'zero');
const edgeWidth = (w: number) => Number((1 + 1.6 * Math.min(Math.abs(w), 5)).toFixed(2));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** The edge from (x1, y1) to the rim of the Σ node, and where its weight is written: 0.3 of the way along. */
function edgeTo(x1: number, y1: number) {
  const dx = SUM_X - x1;
  const dy = SUM_Y - y1;
  const length = Math.hypot(dx, dy);
  const x2 = SUM_X - (dx / length) * SUM_R;
  const y2 = SUM_Y - (dy / length) * SUM_R;
  return {
    d: `M${round1(x1)},${round1(y1)} L${round1(x2)},${round1(y2)}`,
    labelX: round1(x1 + (x2 - x1) * 0.3),
    labelY: round1(y1 + (y2 - y1) * 0.3 - 5),
  };
}

/** Everything the widget shows for `state`, in the language of `messages`. */
export function derive(state: NeuronState, messages: NeuronMessages): NeuronView {
  const count = state.inputs.length;
  const fn = activations[state.activation];
  const result = neuron(state);

  const lines = state.invalid.map((entry) => invalidMessage(entry, messages));
  let steps: NeuronView['steps'];
  let announcement = '';
  if (result.ok) {
    const { z, y, dydz } = result.value;
    const sum = state.inputs.map((x, i) => `${term(x)}×${term(state.weights[i]!)}`).join(' + ');
    steps = {
      z: `z = ${sum} + ${term(state.bias)} = ${formatNumber(z)}`,
      y: `y = ${fn.symbol}(${formatNumber(z)}) = ${formatNumber(y)}`,
      dydz: `dy/dz = ${fn.symbol}′(${formatNumber(z)}) = ${formatNumber(dydz)}`,
    };
    announcement = fillTemplate(messages.announce, { z: formatNumber(z), y: formatNumber(y) });
  } else {
    lines.push(messages[result.error.kind]);
  }
  if (state.invalid.length > 0) lines.push(messages.keep);
  const message = lines.join(' ');

  const field = (name: FieldName, value: number) => ({ field: name, text: String(value), slider: clampSlider(value) });
  const fields = [
    ...state.inputs.flatMap((x, i) => [field(`x${i + 1}`, x), field(`w${i + 1}`, state.weights[i]!)]),
    field('b', state.bias),
  ];

  const spread = Math.min(48, 168 / Math.max(1, count - 1));
  const inputs = state.inputs.map((x, i): DiagramInput => {
    const w = state.weights[i]!;
    const cy = round1(SUM_Y + (i - (count - 1) / 2) * spread);
    return {
      cy,
      ...edgeTo(INPUT_X + INPUT_R, cy),
      width: edgeWidth(w),
      sign: sign(w),
      x: formatNumber(x, 2),
      w: formatNumber(w, 2),
    };
  });
  return {
    count,
    canAdd: count < MAX_INPUTS,
    canRemove: count > MIN_INPUTS,
    fields,
    ...(steps ? { steps } : {}),
    message,
    invalidFields: state.invalid.map((entry) => entry.field),
    announcement: message ? `${announcement} ${message}`.trim() : announcement,
    diagram: {
      inputs,
      bias: {
        d: edgeTo(SUM_X, BIAS_Y + INPUT_R).d,
        width: edgeWidth(state.bias),
        sign: sign(state.bias),
        b: formatNumber(state.bias, 2),
      },
      activation: fn.label,
      y: result.ok ? formatNumber(result.value.y, 3) : '?',
    },
  };
}

/** The neuron widget for the kit's base element: a link carries the whole configuration. */
export const widgetModel: WidgetModel<NeuronState, NeuronAction> = {
  initialState,
  update,
  hash: stateHash(HASH_SEGMENT, toHash, fromHash),
};
