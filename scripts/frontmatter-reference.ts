// `npm run docs:frontmatter`: prints the frontmatter reference table generated from the note schema, or with
// `--write` puts it into CONTRIBUTING.md and CONTRIBUTING.zh-CN.md between their markers. A unit test fails
// when the table in either file differs from the schema, so the documentation cannot drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { frontmatterReference, withReference } from '../src/lib/content/frontmatter-reference.ts';
import { noteSchema } from '../src/lib/content/note-schema.ts';

const CONTRIBUTING_FILES = ['CONTRIBUTING.md', 'CONTRIBUTING.zh-CN.md'];

const table = frontmatterReference(noteSchema([]));
if (process.argv.includes('--write')) {
  for (const file of CONTRIBUTING_FILES) {
    const before = readFileSync(file, 'utf8');
    const after = withReference(before, table);
    if (after !== before) writeFileSync(file, after);
    console.log(`${after === before ? 'unchanged' : 'updated'} ${file}`);
  }
} else {
  console.log(table);
}
