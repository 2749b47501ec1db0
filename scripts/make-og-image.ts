// Regenerates public/og.png (the Open Graph card shown when a page is shared) and the app icons
// public/icon-192.png and icon-512.png: `node scripts/make-og-image.ts`
// (through npm's PATH, e.g. `npx node scripts/make-og-image.ts`). Rendered by the same Chromium the tests use.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/browser.ts';

const html = `<!doctype html><html lang="zh-CN"><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;
justify-content:center;padding:0 90px;box-sizing:border-box;background:linear-gradient(135deg,#0b5cad,#083b70);color:#fff;
font-family:'Noto Sans CJK SC',sans-serif">
<svg viewBox="0 0 32 32" width="120" height="120"><g fill="#fff"><circle cx="7" cy="9" r="3.2"/><circle cx="7" cy="23" r="3.2"/><circle cx="25" cy="16" r="4"/></g>
<path d="M10 9.8 21.3 14.6M10 22.2 21.3 17.4" stroke="#fff" stroke-width="2"/></svg>
<h1 style="font-size:84px;margin:30px 0 10px">深度学习笔记</h1>
<p style="font-size:44px;margin:0;opacity:.9">Deep Learning Notes</p>
<p style="font-size:30px;margin:30px 0 0;opacity:.8">从神经元到现代图像模型 · From the neuron to modern image models</p></body></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og.png' });
for (const size of [192, 512]) {
  // The mark on a full-bleed square with a safe margin, so it also works as a maskable icon.
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:#0b5cad;display:grid;place-items:center;height:${size}px">
    <svg viewBox="0 0 32 32" width="${size * 0.6}" height="${size * 0.6}"><g fill="#fff"><circle cx="7" cy="9" r="3.2"/><circle cx="7" cy="23" r="3.2"/><circle cx="25" cy="16" r="4"/></g>
    <path d="M10 9.8 21.3 14.6M10 22.2 21.3 17.4" stroke="#fff" stroke-width="2"/></svg></body>`);
  await page.screenshot({ path: `public/icon-${size}.png` });
}
await browser.close();
console.log('wrote public/og.png, public/icon-192.png, public/icon-512.png');
