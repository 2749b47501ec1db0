// Jekyll posts → notes. The conversion is `src/lib/import/jekyll.ts`; this file finds the posts and their site,
// plans every slug and published URL first (so that links between the posts of one import resolve whatever their
// order), then converts each post with its images looked up inside its site.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import { jekyllCategories, jekyllDate, parseJekyllPost } from '../../src/lib/import/front-matter.ts';
import {
  ImportError,
  importJekyllPost,
  languageTable,
  type LanguageTable,
  type MathCheck,
} from '../../src/lib/import/jekyll.ts';
import { SITE_KATEX_OPTIONS } from '../../src/katex/options.ts';
import { untrustedCommands } from '../../src/katex/untrusted-commands.ts';
import { postPermalink } from '../../src/lib/import/permalinks.ts';
import { PostIndex, type IndexedPost } from '../../src/lib/import/post-index.ts';
import { dateFromFileName, slugFromFileName, slugify } from '../../src/lib/text/slugify.ts';
import { ImageCopies } from './image-copies.ts';
import type { ImportSession } from './session.ts';
import { findImage, readSiteConfig, siteRootOf, type SiteConfig } from './site-files.ts';

/** Shiki's languages, from the copy Astro highlights with (so the ids are the ones the build knows). */
async function shikiLanguages(): Promise<LanguageTable> {
  const fromAstro = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
  const shiki = (await import(pathToFileURL(fromAstro.resolve('shiki')).href)) as {
    bundledLanguagesInfo: Array<{ id: string; aliases?: string[] }>;
  };
  return languageTable(shiki.bundledLanguagesInfo);
}

/**
 * A formula is kept only if the site's build will render it: KaTeX renders it with the build's options, and it
 * uses no command KaTeX gates behind `trust` (\\href, \\url, …), which KaTeX would draw in red and the build refuses.
 */
export const checkMath: MathCheck = (tex, display) => {
  const options = { ...SITE_KATEX_OPTIONS, displayMode: display };
  try {
    katex.renderToString(tex, { ...options, throwOnError: true });
  } catch {
    return false;
  }
  return untrustedCommands(tex, options).length === 0;
};

interface PlannedPost {
  path: string;
  root: string;
  config: SiteConfig;
  slug: string | undefined;
  renamedFrom?: string | undefined;
}

/** Every post's slug (the later of two posts with one slug takes its date as a suffix) and published URLs. */
function plan(posts: readonly string[], session: ImportSession): { planned: PlannedPost[]; indexed: IndexedPost[] } {
  const configs = new Map<string, SiteConfig>();
  const claimed = new Set<string>();
  const planned: PlannedPost[] = [];
  const indexed: IndexedPost[] = [];
  for (const post of posts) {
    const root = siteRootOf(post) ?? dirname(resolve(post));
    const config = configs.get(root) ?? readSiteConfig(root);
    configs.set(root, config);
    let frontMatter: Record<string, unknown> = {};
    try {
      frontMatter = parseJekyllPost(readFileSync(post, 'utf8')).frontMatter;
    } catch {
      // Reported when the post is converted.
    }
    const date = jekyllDate(frontMatter.date) ?? dateFromFileName(post) ?? '';
    let slug: string | undefined = session.options.slug ?? slugFromFileName(post);
    let renamedFrom: string | undefined;
    if (slug && claimed.has(slug)) {
      renamedFrom = slug;
      slug = slugify(`${slug}-${date}`);
      if (slug && claimed.has(slug)) slug = undefined;
    }
    planned.push({ path: post, root, config, slug, renamedFrom });
    if (!slug) continue;
    claimed.add(slug);
    const identity = {
      date: typeof frontMatter.date === 'string' ? frontMatter.date : date,
      fileTitle: basename(post, extname(post)).replace(/^\d{4}-\d{2}-\d{2}-/, ''),
      slug: typeof frontMatter.slug === 'string' ? frontMatter.slug : undefined,
      categories: jekyllCategories(frontMatter),
    };
    const own = typeof frontMatter.permalink === 'string' ? [frontMatter.permalink] : [];
    indexed.push({ fileName: basename(post), slug, urls: [...own, postPermalink(config.permalink, identity)] });
  }
  return { planned, indexed };
}

export async function importJekyll(posts: readonly string[], session: ImportSession): Promise<void> {
  const languages = await shikiLanguages();
  const { lang } = session.options;
  const { planned, indexed } = plan(posts, session);
  const indexes = new Map<string, PostIndex>();
  const indexOf = ({ root, config }: PlannedPost) => {
    let index = indexes.get(root);
    if (!index) {
      index = new PostIndex(indexed, {
        lang,
        baseurl: config.baseurl,
        siteUrl: config.url,
        existingSlugs: session.existingSlugs,
      });
      indexes.set(root, index);
    }
    return index;
  };

  for (const post of planned) {
    const { path, root, slug, renamedFrom } = post;
    if (!slug) {
      if (renamedFrom)
        session.skip(path, `slug "${renamedFrom}" is taken twice in this import; pass --slug to import it alone`);
      else session.fail(path, 'the file name gives no slug; rename the file or pass --slug');
      continue;
    }
    const target = session.target(path, slug);
    if (!target) continue;
    const images = new ImageCopies(slug);
    let note: ReturnType<typeof importJekyllPost>;
    try {
      note = importJekyllPost(readFileSync(path, 'utf8'), {
        fileName: basename(path),
        lang,
        languages,
        registry: session.registry,
        extraTags: session.options.extraTags,
        resolveImage: (src) => images.urlFor(src, findImage(path, root, src)),
        checkMath,
        links: { resolveLink: (url) => indexOf(post).resolve(url), citationKeys: session.citationKeys },
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      session.fail(path, error);
      continue;
    }
    session.write(
      path,
      target,
      {
        ...note,
        notes: [
          renamedFrom && `slug "${renamedFrom}" is taken by another post of this import: imported as "${slug}"`,
          note.descriptionFrom !== 'subtitle' && `description from the ${note.descriptionFrom}`,
          note.escapedDollars > 0 &&
            `${note.escapedDollars} non-math dollar sign${note.escapedDollars > 1 ? 's' : ''} escaped as \\$`,
        ],
      },
      images,
    );
  }
}
