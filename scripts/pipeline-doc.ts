// `npm run docs:pipeline`: prints the README's description of the pipeline, generated from the render steps
// and the post-build passes the build runs; `--write` puts it into README.md between its markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { pipelineMarkdown, withPipeline } from '../src/pipeline/overview.ts';

const text = pipelineMarkdown();
if (process.argv.includes('--write')) {
  const before = readFileSync('README.md', 'utf8');
  const after = withPipeline(before, text);
  if (after !== before) writeFileSync('README.md', after);
  console.log(`${after === before ? 'unchanged' : 'updated'} README.md`);
} else {
  console.log(text);
}
