// A widget's shareable state as a table of fields, after TensorFlow Playground's state.ts: each field has a short
// key and a type that turns its value into text and back. The table is serialised to and from the body of the
// widget's segment of the URL hash (url-hash.ts) as `key=text&key=text`, in table order:
// `#neuron:x=0.5,-1&w=1.2,0.3&b=0.1&f=relu`. Pure: no DOM, no URLSearchParams.
import { readHashSegment } from './url-hash.ts';

/** How one field's value is written into the hash and read back; `parse` gives undefined for unusable text. */
export interface HashType<T> {
  readonly format: (value: T) => string;
  readonly parse: (text: string) => T | undefined;
}

/** One row of a table: the field's key in the hash and its type. */
export interface HashField<T> {
  readonly key: string;
  readonly type: HashType<T>;
}

/** A table of fields, one per property of the shared state `S`. */
export type HashFields<S> = { readonly [K in keyof S]-?: HashField<S[K]> };

/** A finite number (`-1.25`, `2e-3`); empty text and `Infinity` are unusable. */
export const hashNumber: HashType<number> = {
  format: String,
  parse: (text) => {
    const value = text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(value) ? value : undefined;
  },
};

/** `1` or `0`. */
export const hashFlag: HashType<boolean> = {
  format: (value) => (value ? '1' : '0'),
  parse: (text) => (text === '1' ? true : text === '0' ? false : undefined),
};

/** One of `ids`, written as it is. */
export function hashOneOf<T extends string>(ids: readonly T[]): HashType<T> {
  return {
    format: (value) => value,
    parse: (text) => ((ids as readonly string[]).includes(text) ? (text as T) : undefined),
  };
}

/** A comma-separated list of `item`s (`0.5,-1`); empty text is the empty list, one unusable item spoils the list. */
export function hashList<T>(item: HashType<T>): HashType<readonly T[]> {
  return {
    format: (values) => values.map(item.format).join(','),
    parse: (text) => {
      if (text === '') return [];
      const values: T[] = [];
      for (const part of text.split(',')) {
        const value = item.parse(part);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values;
    },
  };
}

/**
 * The `key=value` pairs of a hash segment's body, decoded the way URLSearchParams decodes a query (`+` is a
 * space, `%xx` escapes are undone); the first of repeated keys wins. Text with a malformed escape is kept as it is
 * (no field type accepts it).
 */
export function readPairs(body: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    if (!pairs.has(key)) pairs.set(key, equals < 0 ? '' : decode(pair.slice(equals + 1)));
  }
  return pairs;
}

function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** A widget's hash codec: its segment's name and its table of fields. */
export interface HashState<S> {
  readonly segment: string;
  readonly fields: HashFields<S>;
  /** The body of the segment for `values`: every field, in table order. */
  write(values: S): string;
  /** The fields of the segment in `hash` that are present and usable, or undefined when it has no such segment. */
  readSome(hash: string): Partial<S> | undefined;
  /** Every field of the segment in `hash`, or undefined when the segment or any field is missing or unusable. */
  readAll(hash: string): S | undefined;
}

/** The codec for a widget whose segment of the hash is `segment` and whose shared state is described by `fields`. */
export function hashState<S>(segment: string, fields: HashFields<S>): HashState<S> {
  const rows = Object.entries(fields) as Array<[keyof S & string, HashField<unknown>]>;
  const readSome = (hash: string): Partial<S> | undefined => {
    const body = readHashSegment(hash, segment);
    if (body === undefined) return undefined;
    const pairs = readPairs(body);
    const values: Partial<Record<keyof S, unknown>> = {};
    for (const [name, { key, type }] of rows) {
      const text = pairs.get(key);
      const value = text === undefined ? undefined : type.parse(text);
      if (value !== undefined) values[name] = value;
    }
    return values as Partial<S>;
  };
  return {
    segment,
    fields,
    write: (values) => rows.map(([name, { key, type }]) => `${key}=${type.format(values[name])}`).join('&'),
    readSome,
    readAll: (hash) => {
      const values = readSome(hash);
      return values && rows.every(([name]) => name in values) ? (values as S) : undefined;
    },
  };
}
