import { isMap, isScalar, LineCounter, parse, parseDocument, type Document } from 'yaml';
import { noteSchema } from './note-schema.ts';
import { nearest } from '../text/nearest.ts';

/** One problem in one note, located as precisely as we can and phrased with its fix. */
export interface ContentProblem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
}

const DATE_FIELDS = ['date', 'updated'] as const;

/**
 * Limits on what a note's front matter may make the parser do: a few fields need a few lines, so anything
 * beyond these is a mistake or an attack (an alias "billion laughs", a 10,000-deep list), refused in
 * milliseconds with its line instead of exhausting memory or the stack.
 */
export const FRONTMATTER_LIMITS = { bytes: 16_384, depth: 20, aliases: 20 } as const;

/** The line (1-based in `yaml`) where flow or block nesting first goes deeper than `max`, if it does. */
function tooDeep(yaml: string, max: number): number | undefined {
  const lines = yaml.split('\n');
  let flow = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = /^[ -]*/.exec(line)![0].length;
    if (indent / 2 > max) return i + 1;
    let quote: string | undefined;
    for (const char of line) {
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '#') break;
      else if (char === '[' || char === '{') {
        if (++flow > max) return i + 1;
      } else if (char === ']' || char === '}') flow--;
    }
  }
  return undefined;
}

/** What YAML 1.1 makes of an unquoted scalar field, when it is one; `undefined` for anything else. */
function asAstroReads(doc: Document, key: string): unknown {
  const node = doc.get(key, true);
  if (!isScalar(node) || node.type !== 'PLAIN' || node.source === undefined) return undefined;
  try {
    return parse(node.source, { version: '1.1' }) as unknown;
  } catch {
    return undefined;
  }
}

/** `doc.toJS()` with an alias budget; an alias bomb becomes a problem instead of an exception. */
function toData(doc: Document): { data: unknown } | { error: string } {
  try {
    return { data: doc.toJS({ maxAliasCount: FRONTMATTER_LIMITS.aliases }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
const RAW_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The frontmatter block of a Markdown file and the line it starts on (1-based, the line after `---`). */
export function extractFrontmatter(source: string): { yaml: string; firstLine: number } | undefined {
  // A byte-order mark (Windows editors write one) comes before the opening ---.
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  return { yaml: match[1]!, firstLine: 2 };
}

/**
 * `2024-02-30` is silently rolled over to March 1st by YAML and `Date`; so the raw text is checked:
 * the calendar date must exist as written.
 */
export function rawDateProblem(raw: string): string | undefined {
  const m = RAW_DATE.exec(raw.trim());
  if (!m) return `"${raw}" is not a date: write it as YYYY-MM-DD, e.g. 2024-03-01`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `"${raw}" is not a real calendar date (month ${month} has no day ${day}, or there is no month ${month})`;
  }
  return undefined;
}

function keyLines(doc: Document, counter: LineCounter, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      lines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line + firstLine - 1);
    }
  }
  return lines;
}

function rawScalar(doc: Document, key: string): string | undefined {
  const node = doc.get(key, true);
  if (isScalar(node) && node.source !== undefined) return String(node.source);
  if (isScalar(node)) return String(node.value);
  return undefined;
}

/** Fields whose value is text: quoted when YAML would read it as something else. */
const TEXT_FIELDS = ['title', 'description'] as const;

const schemas = new Map<string, ReturnType<typeof noteSchema>>();

/** The schema for a tag registry, built once: building it costs more than checking a note with it. */
function schemaFor(tagIds: readonly string[]): ReturnType<typeof noteSchema> {
  const key = tagIds.join('\n');
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = noteSchema(tagIds)));
  return schema;
}

/**
 * Checks a note's frontmatter against the schema and returns every problem with its line.
 * Astro's own schema error names the field but not the line (always `:0:0`), and accepts rolled-over dates.
 */
export function checkFrontmatter(source: string, file: string, tagIds: readonly string[]): ContentProblem[] {
  const block = extractFrontmatter(source);
  if (!block) {
    return [
      {
        file,
        line: 1,
        message: 'no frontmatter: start the file with a --- block holding title, description, date and tags',
      },
    ];
  }
  if (block.yaml.length > FRONTMATTER_LIMITS.bytes) {
    return [
      {
        file,
        line: 1,
        message: `the frontmatter is ${Math.ceil(block.yaml.length / 1024)} KB: keep it under ${FRONTMATTER_LIMITS.bytes / 1024} KB (only a few fields belong there)`,
      },
    ];
  }
  const deep = tooDeep(block.yaml, FRONTMATTER_LIMITS.depth);
  if (deep !== undefined) {
    return [
      {
        file,
        line: deep + block.firstLine - 1,
        message: `the frontmatter nests deeper than ${FRONTMATTER_LIMITS.depth} levels: no field needs that`,
      },
    ];
  }
  const counter = new LineCounter();
  const doc = parseDocument(block.yaml, { lineCounter: counter });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file,
      line: error.linePos ? error.linePos[0].line + block.firstLine - 1 : undefined,
      message:
        `the frontmatter is not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}. ` +
        'Put a value in double quotes when it contains ": ", starts with [ { * & ! | > % @ or a quote, or is "yes"/"no".',
    }));
  }
  const lines = keyLines(doc, counter, block.firstLine);
  const problems: ContentProblem[] = [];

  for (const field of DATE_FIELDS) {
    const raw = rawScalar(doc, field);
    if (raw === undefined) continue;
    const problem = rawDateProblem(raw);
    if (problem) problems.push({ file, line: lines.get(field), field, message: problem });
  }

  const read = toData(doc);
  if ('error' in read) {
    return [
      {
        file,
        line: block.firstLine,
        message: `the frontmatter cannot be read: ${read.error}. Remove the YAML aliases (*name) and anchors (&name)`,
      },
    ];
  }
  // Astro reads front matter by YAML 1.1's rules, where an unquoted 2024-01-01 is a date and yes a boolean. Only
  // an unquoted text field can read differently, so only its own source is read again (not the whole block).
  for (const field of TEXT_FIELDS) {
    const value = asAstroReads(doc, field);
    if (value !== undefined && typeof value !== 'string') {
      problems.push({
        file,
        line: lines.get(field),
        field,
        message: `${field}: Astro reads this unquoted value as ${value instanceof Date ? 'a date' : `a ${typeof value}`}: put it in double quotes`,
      });
    }
  }
  if (problems.some((p) => TEXT_FIELDS.includes(p.field as (typeof TEXT_FIELDS)[number]))) return problems;

  const data = read.data;
  const schema = schemaFor(tagIds);
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    const known = Object.keys(schema.shape);
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const suggestion = nearest(key, known);
          problems.push({
            file,
            line: lines.get(key),
            field: key,
            message:
              `unknown field "${key}"` +
              (suggestion ? `: did you mean "${suggestion}"?` : '') +
              ` Allowed fields: ${known.join(', ')}.`,
          });
        }
        continue;
      }
      const field = String(issue.path[0] ?? '');
      if (DATE_FIELDS.includes(field as (typeof DATE_FIELDS)[number]) && problems.some((p) => p.field === field)) {
        continue;
      }
      const missing = issue.code === 'invalid_type' && !(field in ((data as object) ?? {}));
      problems.push({
        file,
        line: lines.get(field) ?? 1,
        field,
        message: missing ? `missing required field "${field}"` : `${field}: ${issue.message}`,
      });
    }
  } else if (result.data.updated && result.data.updated < result.data.date) {
    problems.push({
      file,
      line: lines.get('updated'),
      field: 'updated',
      message: '"updated" is before "date": the revision date cannot precede first publication',
    });
  }
  return problems;
}

/** `file:line  message`, one problem per line, the form editors and terminals turn into links. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}  ${p.message}`).join('\n');
}
