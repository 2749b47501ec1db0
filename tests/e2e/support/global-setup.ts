import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the built `dist/` for the browser tests; `npm test` builds it first. */
export default async function setup(project: TestProject) {
  const root = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${root}/index.html`))
    throw new Error(`No built site in ${root}/: run \`npm run build\` first (npm test does).`);
  const { server, url } = await serveStatic(root);
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
