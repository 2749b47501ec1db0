// The GitHub workflows, read as GitHub reads them: a fork publishes under the path Pages gives it, and every
// CI run keeps the site and the offline bundle it built for reviewers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow;

describe('deploy.yml', () => {
  const steps = workflow('deploy.yml').jobs.build!.steps;

  it('builds with the base path and origin GitHub Pages reports', () => {
    const pages = steps.find((step) => step.uses?.startsWith('actions/configure-pages@'));
    expect(pages?.id).toBeDefined();
    const build = steps.find((step) => step.run === 'npm run build');
    expect(build?.env).toMatchObject({
      BASE_PATH: `\${{ steps.${pages!.id}.outputs.base_path }}`,
      SITE_URL: `\${{ steps.${pages!.id}.outputs.origin }}`,
    });
  });

  it('no longer refuses a project site', () => {
    expect(steps.filter((step) => step.run?.includes('exit 1'))).toEqual([]);
  });
});

describe('ci.yml', () => {
  const steps = workflow('ci.yml').jobs.test!.steps;
  const uploads = steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));

  it('runs .ci/run, then uploads the built site and the offline bundle, also when a test failed', () => {
    const run = steps.findIndex((step) => step.run === 'bash .ci/run');
    expect(run).toBeGreaterThanOrEqual(0);
    expect(uploads.map((step) => step.with?.path)).toEqual(['dist/', 'bundle/*.zip']);
    for (const upload of uploads) {
      expect(steps.indexOf(upload)).toBeGreaterThan(run);
      expect(upload.if).toContain('!cancelled()');
    }
  });

  it('names each artifact after its pull request, as the README tells reviewers', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const upload of uploads) {
      const prefix = String(upload.with?.name).split('${{')[0]!;
      expect(readme).toContain(`\`${prefix}<pull request number>\``);
    }
  });
});
