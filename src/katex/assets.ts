// Why: KaTeX's CSS and fonts must be self-hosted (no CDN), come from the very KaTeX version that
// rehype-katex renders with, and load only on pages with math. This copies the woff2 fonts to
// public/vendor/katex-<version>/fonts/ (git-ignored) before dev or build; the layout inlines the CSS
// (`katexInlineCss`) in pages with math, so the stylesheet costs no render-blocking request.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { BUILD_CACHE_DIR } from '../pipeline/build-cache.ts';
import { keepRulesFor } from './css-purge.ts';

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

/** Where the fonts of KaTeX `version` are served from (root-absolute; the offline bundle makes it relative). */
export function katexFontsPath(version: string): string {
  return `/vendor/katex-${version}/fonts/`;
}

let inlineCss: string | undefined;

/**
 * KaTeX's CSS for a page's `<style>`: woff2 only, its relative `url(fonts/…)` pointed at `katexFontsPath`.
 * Given the classes the page's formulas use, only the rules that can match them (src/katex/css-purge.ts).
 */
export function katexInlineCss(used?: ReadonlySet<string>): string {
  if (inlineCss === undefined) {
    const { dir, version } = katexDistDir();
    const css = woff2Only(readFileSync(join(dir, 'katex.min.css'), 'utf8'));
    inlineCss = css.replace(/url\((['"]?)fonts\//g, (_, quote: string) => `url(${quote}${katexFontsPath(version)}`);
  }
  return used ? keepRulesFor(inlineCss, used) : inlineCss;
}

export default function katexAssets(publicDir = 'public'): AstroIntegration {
  return {
    name: 'deep-learning-notes:katex-assets',
    hooks: {
      'astro:config:setup': () => {
        const { dir, version } = katexDistDir();
        const target = join(publicDir, 'vendor', `katex-${version}`, 'fonts');
        const fonts = readdirSync(join(dir, 'fonts')).filter((f) => f.endsWith('.woff2'));
        if (fonts.every((font) => existsSync(join(target, font)))) return;
        mkdirSync(target, { recursive: true });
        // Each font whole or not at all: another build starting beside this one (the tests build several sites at
        // once) takes a font that exists for a complete one. Copied outside public/, which a build copies whole.
        const partials = join(BUILD_CACHE_DIR, 'katex-fonts-partial', String(process.pid));
        mkdirSync(partials, { recursive: true });
        for (const font of fonts) {
          copyFileSync(join(dir, 'fonts', font), join(partials, font));
          renameSync(join(partials, font), join(target, font));
        }
        rmSync(partials, { recursive: true, force: true });
      },
    },
  };
}
