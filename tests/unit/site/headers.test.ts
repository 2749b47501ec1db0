// public/_headers, as Netlify and Cloudflare Pages read it: a rule is a URL pattern on a line of its own (`*`
// matches anything), its headers indented under it; a path gets the headers of every rule it matches, and a
// header set by several is sent with every value (for Content-Security-Policy: each is a policy, all enforced).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Rule {
  pattern: RegExp;
  headers: Array<[string, string]>;
}

function readRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)!.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

const rules = readRules(readFileSync('public/_headers', 'utf8'));

/** The Content-Security-Policies a response for `path` carries, each as its directives. */
function policiesFor(path: string): Array<Map<string, string[]>> {
  return rules
    .filter((rule) => rule.pattern.test(path))
    .flatMap((rule) => rule.headers)
    .filter(([name]) => name === 'content-security-policy')
    .flatMap(([, value]) => value.split(','))
    .map(
      (policy) =>
        new Map(
          policy
            .split(';')
            .map((directive) => directive.trim().split(/\s+/))
            .filter(([name]) => name)
            .map(([name, ...sources]) => [name!, sources]),
        ),
    );
}

/** Whether one of the policies lets no script run (`script-src`, or `default-src` in its absence, is 'none'). */
const forbidsScript = (path: string) =>
  policiesFor(path).some((policy) => (policy.get('script-src') ?? policy.get('default-src'))?.join(' ') === "'none'");

describe('public/_headers', () => {
  it.each([
    '/diagrams/neuron-diagram.svg',
    '/images/some-post/figure.svg',
    '/images/some-post/deep/er.svg',
    '/favicon.svg',
    '/_astro/figure.B2x_9aQz.svg',
  ])('serves %s with a policy that runs no script and loads nothing from elsewhere', (path) => {
    expect(forbidsScript(path)).toBe(true);
    const policy = policiesFor(path).find((p) => p.get('default-src')?.join(' ') === "'none'");
    expect(policy?.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy?.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it.each(['/', '/notes/neuron/', '/en/notes/neuron/', '/sw.js', '/pagefind/pagefind.js'])(
    'lets %s run its scripts (pages carry their own policy as a <meta>)',
    (path) => {
      expect(forbidsScript(path)).toBe(false);
      expect(policiesFor(path).some((policy) => policy.get('frame-ancestors')?.join(' ') === "'none'")).toBe(true);
    },
  );
});
