// Why: KaTeX's CSS and fonts must be self-hosted (no CDN), come from the very KaTeX version that
// rehype-katex renders with, and load only on pages with math. This copies them, woff2 only, to
// public/vendor/katex-<version>/ (git-ignored) before dev or build, so the layout links one versioned file.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';

const require = createRequire(import.meta.url);

/** The KaTeX that rehype-katex itself resolves, not whichever copy is hoisted. */
export function katexDistDir(): { dir: string; version: string } {
  const fromRehypeKatex = createRequire(require.resolve('rehype-katex'));
  const pkgPath = fromRehypeKatex.resolve('katex/package.json');
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  return { dir: join(dirname(pkgPath), 'dist'), version };
}

/** KaTeX's CSS with every `src:` reduced to its woff2 font; all browsers we support read woff2. */
export function woff2Only(css: string): string {
  return css.replace(/src:\s*([^;}]+)/g, (_, sources: string) => {
    const woff2 = sources.split(',').find((s) => s.includes('.woff2'));
    return `src:${(woff2 ?? sources).trim()}`;
  });
}

export function katexPublicPath(version: string): string {
  return `/vendor/katex-${version}/katex.min.css`;
}

export default function katexAssets(publicDir = 'public'): AstroIntegration {
  return {
    name: 'deep-learning-notes:katex-assets',
    hooks: {
      'astro:config:setup': () => {
        const { dir, version } = katexDistDir();
        const target = join(publicDir, 'vendor', `katex-${version}`);
        if (existsSync(join(target, 'katex.min.css'))) return;
        mkdirSync(join(target, 'fonts'), { recursive: true });
        writeFileSync(join(target, 'katex.min.css'), woff2Only(readFileSync(join(dir, 'katex.min.css'), 'utf8')));
        for (const font of readdirSync(join(dir, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
          copyFileSync(join(dir, 'fonts', font), join(target, 'fonts', font));
        }
      },
    },
  };
}
