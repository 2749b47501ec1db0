import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderGlossary } from '../../../scripts/glossary.ts';
import { expandQuery, namesOf, searchQueries, synonymSets, type Glossary } from '../../../src/lib/content/glossary.ts';

const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as Glossary;
const sets = synonymSets(glossary);

describe('the glossary', () => {
  it('has at least 40 terms, each with both names, both definitions and an existing note', () => {
    const terms = glossary.groups.flatMap((g) => g.terms);
    expect(terms.length).toBeGreaterThanOrEqual(40);
    for (const t of terms) {
      expect(t.zh && t.en && t.definition.zh && t.definition.en, t.term).toBeTruthy();
      expect(existsSync(`content/notes/zh/${t.note}.md`) || existsSync(`content/notes/zh/${t.note}.mdx`), `${t.term} → ${t.note}`).toBe(true);
    }
  });

  it('is what the glossary notes and the search synonyms show (npm run glossary -- --write)', () => {
    for (const [file, expected] of Object.entries(renderGlossary())) {
      expect(readFileSync(file, 'utf8'), `${file} is out of date: run npm run glossary -- --write`).toBe(expected);
    }
  });
});

describe('expandQuery', () => {
  it('finds the other names of a term in the reader’s language', () => {
    expect(expandQuery('线性整流函数', sets, 'en')).toEqual(expect.arrayContaining(['ReLU', 'rectified linear unit']));
    expect(expandQuery('线性整流函数', sets, 'en').some((n) => /[\u3400-\u9fff]/.test(n))).toBe(false);
    expect(expandQuery('rectified linear unit', sets, 'zh').every((n) => /[\u3400-\u9fff]/.test(n))).toBe(true);
    expect(expandQuery('rectified linear unit', sets, 'zh').length).toBeGreaterThan(0);
    expect(expandQuery('ReLU', sets, 'zh')).toEqual(expect.arrayContaining(['修正线性单元']));
    expect(expandQuery('Activation Function', sets, 'zh')).toContain('激活函数');
    expect(expandQuery('激活函数', sets, 'en')).toContain('activation function');
  });
  it('expands nothing for words that are not glossary terms', () => {
    expect(expandQuery('banana', sets, 'en')).toEqual([]);
  });
  it('lists each name once', () => {
    const relu = glossary.groups.flatMap((g) => g.terms).find((t) => t.term === 'ReLU')!;
    const names = namesOf(relu);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('searchQueries', () => {
  it('searches the English names first for a Chinese query on the English site', () => {
    const queries = searchQueries('激活函数', sets, 'en');
    expect(queries.at(-1)).toBe('激活函数');
    expect(queries.slice(0, -1)).toContain('activation function');
  });
  it('keeps the reader’s own words first otherwise', () => {
    expect(searchQueries('activation function', sets, 'en')[0]).toBe('activation function');
    expect(searchQueries('ReLU', sets, 'zh')[0]).toBe('ReLU');
    expect(searchQueries('激活函数', sets, 'zh')[0]).toBe('激活函数');
  });
  it('is the query alone when it names no term, in any script', () => {
    expect(searchQueries('banana', sets, 'en')).toEqual(['banana']);
    expect(searchQueries('香蕉', sets, 'en')).toEqual(['香蕉']);
  });
});
