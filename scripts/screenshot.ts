// Screenshots of the built site, for the README and for reviewing layouts:
//   npx node scripts/screenshot.ts '[{"path":"/notes/neuron/","out":"docs/x.png","dark":true,"w":1280}]'
// Serves dist/ on loopback and renders each page in the same Chromium the tests use.
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/e2e/support/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/browser.ts';

interface Shot {
  path: string;
  out: string;
  w?: number;
  h?: number;
  dark?: boolean;
  full?: boolean;
  scroll?: number;
}

const shots = JSON.parse(process.argv[2] ?? '[]') as Shot[];
const { server, url } = await serveStatic(process.env.E2E_DIST ?? 'dist');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const shot of shots) {
  const page = await browser.newPage({
    viewport: { width: shot.w ?? 1400, height: shot.h ?? 900 },
    colorScheme: shot.dark ? 'dark' : 'light',
  });
  await page.goto(url + shot.path);
  if (shot.scroll) await page.evaluate((y) => scrollTo(0, y), shot.scroll);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: shot.out, fullPage: Boolean(shot.full) });
  await page.close();
  console.log(`${shot.path} → ${shot.out}`);
}
await browser.close();
server.close();
