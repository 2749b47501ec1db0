import { describe, expect, it } from 'vitest';
import {
  hashFlag,
  hashList,
  hashNumber,
  hashOneOf,
  hashState,
  readPairs,
  type HashType,
} from '../../../../src/lib/text/hash-state.ts';

interface Demo {
  readonly mode: 'a' | 'b';
  readonly rate: number;
  readonly sizes: readonly number[];
  readonly on: boolean;
}

const DEMO = hashState<Demo>('demo', {
  mode: { key: 'm', type: hashOneOf(['a', 'b'] as const) },
  rate: { key: 'lr', type: hashNumber },
  sizes: { key: 'h', type: hashList(hashNumber) },
  on: { key: 'o', type: hashFlag },
});
const VALUES: Demo = { mode: 'b', rate: 0.03, sizes: [4, 2], on: true };

describe('hash state: field types', () => {
  it('reads finite numbers only', () => {
    expect(hashNumber.parse('-1.25')).toBe(-1.25);
    expect(hashNumber.parse('2e-3')).toBe(0.002);
    expect(hashNumber.parse(' 3 ')).toBe(3);
    for (const text of ['', '  ', 'abc', 'Infinity', '-Infinity', 'NaN', '1,5'])
      expect(hashNumber.parse(text), text).toBeUndefined();
    expect(hashNumber.format(-0.5)).toBe('-0.5');
  });

  it('reads flags, choices and lists', () => {
    expect([hashFlag.parse('1'), hashFlag.parse('0'), hashFlag.parse('true')]).toEqual([true, false, undefined]);
    expect(hashFlag.format(false)).toBe('0');
    const choice = hashOneOf(['relu', 'tanh'] as const);
    expect(choice.parse('tanh')).toBe('tanh');
    expect(choice.parse('relu6')).toBeUndefined();
    const list = hashList(hashNumber);
    expect(list.parse('1,-2.5,3')).toEqual([1, -2.5, 3]);
    expect(list.parse('')).toEqual([]);
    expect(list.parse('1,,3')).toBeUndefined();
    expect(list.parse('1,x')).toBeUndefined();
    expect(list.format([0.5, -1])).toBe('0.5,-1');
  });

  it('lets a list repair its items itself when the item type never refuses', () => {
    const loose: HashType<number> = { format: String, parse: Number };
    expect(hashList(loose).parse('4,x,2')).toEqual([4, NaN, 2]);
  });
});

describe('hash state: pairs', () => {
  it('decodes like URLSearchParams, the first of repeated keys winning', () => {
    const body = 'a=1&b=x+y&c=%E2%88%921&a=2&d&=e&&f=%zz';
    const pairs = readPairs(body);
    const reference = new URLSearchParams(body);
    for (const key of ['a', 'b', 'c', 'd', '']) expect(pairs.get(key), key).toBe(reference.get(key));
    expect(pairs.get('f')).toBe('%zz');
    expect(pairs.has('g')).toBe(false);
  });
});

describe('hash state: a table of fields', () => {
  it('writes every field in table order', () => {
    expect(DEMO.write(VALUES)).toBe('m=b&lr=0.03&h=4,2&o=1');
  });

  it('reads its own segment back, whatever the order of the fields and the other segments', () => {
    expect(DEMO.readAll(`#demo:${DEMO.write(VALUES)}`)).toEqual(VALUES);
    expect(DEMO.readAll('#plot:f=relu~demo:o=1&h=4,2&lr=0.03&m=b~other:x=1')).toEqual(VALUES);
    expect(DEMO.readAll('demo:m=b&lr=0.03&h=4,2&o=1')).toEqual(VALUES);
  });

  it('reads every field or nothing with readAll', () => {
    expect(DEMO.readAll('#demo:m=b&lr=0.03&h=4,2')).toBeUndefined();
    expect(DEMO.readAll('#demo:m=c&lr=0.03&h=4,2&o=1')).toBeUndefined();
    expect(DEMO.readAll('#intro')).toBeUndefined();
    expect(DEMO.readAll('')).toBeUndefined();
  });

  it('reads what it can with readSome, leaving out missing and unusable fields', () => {
    expect(DEMO.readSome('#demo:m=c&lr=abc&h=1,2&unknown=3')).toEqual({ sizes: [1, 2] });
    expect(DEMO.readSome('#demo:')).toEqual({});
    expect(DEMO.readSome('#plot:f=relu')).toBeUndefined();
  });

  it('round-trips random values (property test)', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 200; i++) {
      const values: Demo = {
        mode: random() < 0.5 ? 'a' : 'b',
        rate: Math.round((random() - 0.5) * 1e6) / 1e3,
        sizes: Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * 9)),
        on: random() < 0.5,
      };
      expect(DEMO.readAll(`#x:1~demo:${DEMO.write(values)}`)).toEqual(values);
    }
  });
});
