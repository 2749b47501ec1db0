import { defineCollection } from 'astro:content';
import { noteSchema } from './lib/content/note-schema.ts';
import { TAG_IDS } from './pipeline/content/registry.ts';
import { strictGlob } from './pipeline/content/strict-glob.ts';
import { htmlOnDisk } from './pipeline/content/html-on-disk.ts';

/**
 * Where notes are read from. Tests point this at a fixture folder (NOTES_DIR) to build a small site.
 */
export const NOTES_DIR = process.env.NOTES_DIR ?? './content/notes';

const notes = defineCollection({
  loader: htmlOnDisk(strictGlob({ pattern: '{zh,en}/*.{md,mdx}', base: NOTES_DIR })),
  schema: noteSchema(TAG_IDS),
});

export const collections = { notes };
