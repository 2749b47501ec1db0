// The project's data files, loaded once and typed. Pages, the content config and scripts import from here.
import rawTags from '../../../content/tags.json' with { type: 'json' };
import rawSections from '../../../content/sections.json' with { type: 'json' };
import { tagRegistry } from '../../lib/content/tags.ts';
import type { SectionSpec } from '../../lib/content/sections.ts';

export const TAGS = tagRegistry(rawTags);
export const TAG_IDS = Object.keys(TAGS);
export const SECTIONS: readonly SectionSpec[] = rawSections.sections;
