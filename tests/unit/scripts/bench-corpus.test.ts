// The benchmark's synthetic corpus (scripts/bench/corpus.ts): the same bytes for the same seed, notes the site's
// schema accepts, formulas KaTeX renders in strict mode, links that resolve, and the peers' layouts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../../src/lib/content/frontmatter-check.ts';
import { generateCorpus, registryTags, writePeerCorpus, writeSiteCorpus } from '../../../scripts/bench/corpus.ts';

const TAGS = registryTags();
const corpus = generateCorpus(40, TAGS);
const work = mkdtempSync(join(tmpdir(), 'dln-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `$$…$$` blocks and `$…$` spans of a note body. */
function formulas(body: string): { display: string[]; inline: string[] } {
  const display = [...body.matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)].map((m) => m[1]!);
  const rest = body.replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, '');
  return { display, inline: [...rest.matchAll(/\$([^$\n]+)\$/g)].map((m) => m[1]!) };
}

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives the same notes, another seed other notes', () => {
    expect(generateCorpus(40, TAGS)).toEqual(corpus);
    expect(generateCorpus(40, TAGS, 7).map((n) => n.body)).not.toEqual(corpus.map((n) => n.body));
  });

  it('gives N notes, half Chinese and half English, paired by slug', () => {
    expect(corpus).toHaveLength(40);
    const zh = corpus.filter((n) => n.lang === 'zh').map((n) => n.slug);
    const en = corpus.filter((n) => n.lang === 'en').map((n) => n.slug);
    expect(zh).toHaveLength(20);
    expect(en).toEqual(zh);
    expect(generateCorpus(5, TAGS).map((n) => n.lang)).toEqual(['zh', 'en', 'zh', 'en', 'zh']);
  });

  it('writes Chinese prose in Chinese notes and English prose in English notes', () => {
    for (const note of corpus) {
      const han = (note.body.match(/\p{Script=Han}/gu) ?? []).length;
      if (note.lang === 'zh') expect(han).toBeGreaterThan(500);
      else expect(han).toBe(0);
    }
  });

  it('holds headings, a table, a list and links in every note; math and code in the others, none in text-only notes', () => {
    for (const note of corpus) {
      expect(note.body).toMatch(/^## /m);
      expect(note.body).toMatch(/^\| --- \|/m);
      expect(note.body).toMatch(/^- /m);
      const { display, inline } = formulas(note.body);
      if (note.textOnly) {
        expect(display.length + inline.length).toBe(0);
        expect(note.body).not.toContain('```');
      }
    }
    const withMath = corpus.filter((n) => !n.textOnly);
    expect(withMath.every((n) => formulas(n.body).inline.length > 0)).toBe(true);
    expect(withMath.some((n) => formulas(n.body).display.length > 0)).toBe(true);
    expect(withMath.some((n) => n.body.includes('```python'))).toBe(true);
    expect(corpus.filter((n) => n.textOnly).length).toBe(8);
  });

  it('uses only formulas KaTeX renders in strict mode, as the site builds them', () => {
    for (const note of corpus) {
      const { display, inline } = formulas(note.body);
      for (const tex of display)
        expect(() => katex.renderToString(tex, { displayMode: true, strict: 'error' })).not.toThrow();
      for (const tex of inline) expect(() => katex.renderToString(tex, { strict: 'error' })).not.toThrow();
    }
  });

  it('links only to notes of the corpus, in the note’s own language', () => {
    const slugs = new Set(corpus.map((n) => n.slug));
    for (const note of corpus) {
      const links = [...note.body.matchAll(/\]\((\/[^)]*)\)/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThanOrEqual(3);
      for (const url of links) {
        const match = /^(\/en)?\/notes\/([^/]+)\/$/.exec(url);
        expect(match, url).not.toBeNull();
        expect(Boolean(match![1])).toBe(note.lang === 'en');
        expect(slugs.has(match![2]!)).toBe(true);
      }
    }
  });

  it('keeps prerequisites acyclic: each names an earlier note', () => {
    for (const note of corpus) for (const slug of note.prerequisites) expect(slug < note.slug).toBe(true);
  });
});

describe('writing the corpus', () => {
  it('writes the site layout with frontmatter the site’s check accepts', () => {
    const dir = join(work, 'site');
    writeSiteCorpus(dir, corpus);
    expect(readdirSync(join(dir, 'zh'))).toHaveLength(20);
    for (const lang of ['zh', 'en']) {
      for (const name of readdirSync(join(dir, lang))) {
        const source = readFileSync(join(dir, lang, name), 'utf8');
        expect(checkFrontmatter(source, `${lang}/${name}`, TAGS)).toEqual([]);
      }
    }
  });

  it('writes a peer layout at the site’s URLs with title and description only, links rewritten on request', () => {
    const dir = join(work, 'peer');
    writePeerCorpus(dir, corpus, (url) => url.replace(/\/$/, ''));
    const zh = readFileSync(join(dir, 'notes', 'note-0001.md'), 'utf8');
    const en = readFileSync(join(dir, 'en', 'notes', 'note-0001.md'), 'utf8');
    expect(zh).toMatch(/^---\ntitle: "笔记 1：.+"\ndescription: ".+"\n---\n/);
    expect(zh).not.toMatch(/^(date|tags):/m);
    expect(zh).toMatch(/\]\(\/notes\/note-\d{4}\)/);
    expect(zh).not.toMatch(/\]\(\/notes\/note-\d{4}\/\)/);
    expect(en).toMatch(/\]\(\/en\/notes\/note-\d{4}\)/);
  });
});
