// The attention widget's state and everything it shows, as pure functions: the server renders
// `derive(initialState)` and the custom element (view.ts) renders `derive(state)` after each `update`. Three tokens
// with d_k = d_v = 2, so every number of softmax(QKᵀ/√d_k)·V fits on screen. Imports only src/lib and the kit's
// DOM-free model helpers.
import { attention, type Matrix } from '../../lib/nn/attention.ts';
import { formatNumber } from '../../lib/text/format-number.ts';
import { hashFlag, hashList, hashNumber, hashState } from '../../lib/text/hash-state.ts';
import { fillTemplate } from '../../lib/text/template.ts';
import { stateHash, type WidgetModel } from '../kit/widget-model.ts';

export const TOKENS = 3;
export const WIDTH = 2;
export const MATRICES = ['q', 'k', 'v'] as const;
export type MatrixName = (typeof MATRICES)[number];
/** Largest magnitude an entry may have: the fields step by 0.1 between −LIMIT and LIMIT. */
export const LIMIT = 10;
/** This widget's segment of the URL hash: `#attention:q=1,0,0,1,1,1&k=…&v=…&mask=0&scale=1`. */
export const HASH_SEGMENT = 'attention';

/** An entry of Q, K or V: `q-2-1` is row 2, column 1 of Q (1-based, as the note writes q₂). */
export type FieldName = `${MatrixName}-${number}-${number}`;

export interface InvalidField {
  readonly field: FieldName;
  readonly reason: 'not-a-number' | 'out-of-range';
}

export interface AttentionState {
  readonly q: Matrix;
  readonly k: Matrix;
  readonly v: Matrix;
  readonly causal: boolean;
  readonly scaled: boolean;
  /** Fields whose text is not a usable number; the matrices keep their last good entries meanwhile. */
  readonly invalid: readonly InvalidField[];
}

export type AttentionAction =
  | { readonly type: 'edit'; readonly field: FieldName; readonly text: string }
  | { readonly type: 'causal'; readonly on: boolean }
  | { readonly type: 'scaled'; readonly on: boolean }
  | { readonly type: 'reset' }
  | { readonly type: 'load'; readonly state: AttentionState };

/** The worked example of the attention note: K = Q, and the third token's key is the sum of the other two. */
export const initialState: AttentionState = {
  q: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  k: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  v: [
    [1, 0],
    [0, 2],
    [1, 1],
  ],
  causal: false,
  scaled: true,
  invalid: [],
};

/** Every field, row by row: q, k and v of token 1, then of token 2, …, as the table of inputs lists them. */
export const FIELDS: readonly FieldName[] = Array.from({ length: TOKENS }, (_, i) =>
  MATRICES.flatMap((m) => Array.from({ length: WIDTH }, (_, j): FieldName => `${m}-${i + 1}-${j + 1}`)),
).flat();

function parseField(field: string): { matrix: MatrixName; row: number; column: number } | undefined {
  const match = /^([qkv])-(\d)-(\d)$/.exec(field);
  if (!match) return undefined;
  const [row, column] = [Number(match[2]) - 1, Number(match[3]) - 1];
  if (row >= TOKENS || column >= WIDTH || row < 0 || column < 0) return undefined;
  return { matrix: match[1] as MatrixName, row, column };
}

/** A field's text as an entry: a number input gives '' for anything it cannot read. */
export function parseEntry(text: string): { ok: true; value: number } | { ok: false; reason: InvalidField['reason'] } {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  if (Math.abs(value) > LIMIT) return { ok: false, reason: 'out-of-range' };
  return { ok: true, value: value + 0 };
}

const withEntry = (m: Matrix, row: number, column: number, value: number): Matrix =>
  m.map((r, i) => (i === row ? r.map((x, j) => (j === column ? value : x)) : r));

/** The next state after `action`; the same object when nothing changes. */
export function update(state: AttentionState, action: AttentionAction): AttentionState {
  switch (action.type) {
    case 'edit': {
      const target = parseField(action.field);
      if (!target) return state;
      const others = state.invalid.filter((entry) => entry.field !== action.field);
      const parsed = parseEntry(action.text);
      if (!parsed.ok) return { ...state, invalid: [...others, { field: action.field, reason: parsed.reason }] };
      const { matrix, row, column } = target;
      if (state[matrix][row]![column] === parsed.value && others.length === state.invalid.length) return state;
      return { ...state, [matrix]: withEntry(state[matrix], row, column, parsed.value), invalid: others };
    }
    case 'causal':
      return state.causal === action.on ? state : { ...state, causal: action.on };
    case 'scaled':
      return state.scaled === action.on ? state : { ...state, scaled: action.on };
    case 'reset':
      return initialState;
    case 'load':
      return action.state;
  }
}

// --- The URL hash -------------------------------------------------------------------------------------------

const ATTENTION_HASH = hashState<Record<MatrixName, readonly number[]> & { causal: boolean; scaled: boolean }>(
  HASH_SEGMENT,
  {
    q: { key: 'q', type: hashList(hashNumber) },
    k: { key: 'k', type: hashList(hashNumber) },
    v: { key: 'v', type: hashList(hashNumber) },
    causal: { key: 'mask', type: hashFlag },
    scaled: { key: 'scale', type: hashFlag },
  },
);

/** The state as the body of the hash segment: each matrix row by row, `q=1,0,0,1,1,1&…&mask=0&scale=1`. */
export function toHash(state: AttentionState): string {
  return ATTENTION_HASH.write({ ...state, q: state.q.flat(), k: state.k.flat(), v: state.v.flat() });
}

/** The state in a URL hash, or undefined when its segment is missing or any matrix has the wrong size or range. */
export function fromHash(hash: string): AttentionState | undefined {
  const shared = ATTENTION_HASH.readAll(hash);
  if (!shared) return undefined;
  const rows = (flat: readonly number[]): Matrix | undefined =>
    flat.length === TOKENS * WIDTH && flat.every((x) => Math.abs(x) <= LIMIT)
      ? Array.from({ length: TOKENS }, (_, i) => flat.slice(i * WIDTH, (i + 1) * WIDTH).map((x) => x + 0))
      : undefined;
  const [q, k, v] = [rows(shared.q), rows(shared.k), rows(shared.v)];
  if (!q || !k || !v) return undefined;
  return { q, k, v, causal: shared.causal, scaled: shared.scaled, invalid: [] };
}

// --- What it shows ------------------------------------------------------------------------------------------

/** The sentences the model writes, in the page's language (text.ts): why a field is unusable, and what is announced. */
export type AttentionMessages = Readonly<
  Record<InvalidField['reason'] | 'invalid' | 'keep' | 'announce' | 'announceRow' | 'field', string>
>;

export interface WeightCell {
  /** The weight, to 4 decimals. */
  readonly text: string;
  /** The weight itself, which colours the cell. */
  readonly level: number;
  readonly masked: boolean;
}

export interface AttentionView {
  /** The text of every field, in FIELDS order. */
  readonly fields: ReadonlyArray<{ readonly field: FieldName; readonly text: string }>;
  /** The scores the softmax sees (QKᵀ/√d_k, or QKᵀ), `−∞` where masked. */
  readonly scores: readonly (readonly string[])[];
  readonly weights: readonly (readonly WeightCell[])[];
  readonly output: readonly (readonly string[])[];
  /** `1/√2 ≈ 0.7071` or `1`: what the dot products were multiplied by. */
  readonly scale: string;
  /** Empty when all is well; otherwise what is wrong and that the numbers shown are the last good ones. */
  readonly message: string;
  readonly invalidFields: readonly FieldName[];
  readonly announcement: string;
}

const fieldLabel = (field: FieldName, messages: AttentionMessages) => {
  const [matrix, row, column] = field.split('-');
  return fillTemplate(messages.field, { m: matrix!.toUpperCase(), i: row!, j: column! });
};

/** Everything the widget shows for `state`, in the language of `messages`. */
export function derive(state: AttentionState, messages: AttentionMessages): AttentionView {
  const result = attention(state.q, state.k, state.v, { causal: state.causal, scaled: state.scaled });
  const weights = result.weights.map((row, i) =>
    row.map((w, j): WeightCell => ({ text: formatNumber(w), level: w, masked: result.masked[i]![j]! })),
  );
  const lines = state.invalid.map(({ field, reason }) =>
    fillTemplate(messages.invalid, { field: fieldLabel(field, messages), reason: messages[reason] }),
  );
  if (lines.length > 0) lines.push(messages.keep);
  const message = lines.join(' ');
  const rows = weights.map((row, i) =>
    fillTemplate(messages.announceRow, { i: i + 1, weights: row.map((cell) => cell.text).join(', ') }),
  );
  const announcement = `${fillTemplate(messages.announce, { rows: rows.join('; ') })}${message ? ` ${message}` : ''}`;
  return {
    fields: FIELDS.map((field) => {
      const { matrix, row, column } = parseField(field)!;
      return { field, text: String(state[matrix][row]![column]) };
    }),
    scores: result.scores.map((row) => row.map((s) => formatNumber(s))),
    weights,
    output: result.output.map((row) => row.map((o) => formatNumber(o))),
    scale: state.scaled ? `1/√${WIDTH} ≈ ${formatNumber(result.scale)}` : '1',
    message,
    invalidFields: state.invalid.map((entry) => entry.field),
    announcement,
  };
}

/** The attention widget for the kit's base element: a link carries Q, K, V and both switches. */
export const widgetModel: WidgetModel<AttentionState, AttentionAction> = {
  initialState,
  update,
  hash: stateHash(HASH_SEGMENT, toHash, fromHash),
};
