// Every self-check question of a language, rendered for the review page. Each note's questions are taken from its
// source (src/lib/study/quiz-source.ts) and rendered by the notes' own processor under the note's own path, so a
// question reads, and is named (`data-quiz-id`), exactly as on its note: the reader's stored answers match, and
// the review page's links to `#<id>` are checked by the build's link check.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../../lib/content/lang.ts';
import { prefixTermIds } from '../../lib/content/glossary-terms.ts';
import { markdownProcessor, shikiConfig } from '../render/processor.ts';
import { notesIn, type Note } from './notes.ts';
import { factsOf } from './source-facts.ts';

export interface NoteQuestions {
  note: Note;
  /** The questions' HTML, in the note's order. */
  html: string[];
  /** Their ids, as `data-quiz-id` and the `id` of each on its note. */
  ids: string[];
}

let renderer: ReturnType<typeof markdownProcessor.createRenderer> | undefined;

/**
 * A note's questions rendered on their own. Ids a render step gives to content inside a question (a glossary
 * term's hidden definition) are unique in one note, not across notes: they get the note's slug in front.
 */
async function render(note: Note, sources: string[]): Promise<NoteQuestions> {
  renderer ??= markdownProcessor.createRenderer({ shikiConfig, syntaxHighlight: 'shiki' });
  const path = resolve(note.entry.filePath ?? `content/notes/${note.lang}/${note.slug}.md`);
  const { code } = await (await renderer).render(sources.join('\n\n'), { fileURL: pathToFileURL(path) });
  const prefixed = prefixTermIds(code, note.slug);
  const html = [...prefixed.matchAll(/<section class="quiz"[\s\S]*?<\/section>/g)].map((m) => m[0]);
  const ids = html.map((h) => /data-quiz-id="([^"]+)"/.exec(h)![1]!);
  return { note, html, ids };
}

const byLang = new Map<Lang, Promise<NoteQuestions[]>>();

/** The notes of a language that ask questions, in reading order, with their questions (once per build). */
export function questionsIn(lang: Lang): Promise<NoteQuestions[]> {
  let questions = byLang.get(lang);
  if (!questions) {
    questions = notesIn(lang).then(async (notes) => {
      const found: NoteQuestions[] = [];
      for (const note of notes) {
        const sources = factsOf(note.entry).quizzes;
        if (sources.length > 0) found.push(await render(note, sources));
      }
      return found;
    });
    byLang.set(lang, questions);
  }
  return questions;
}
