// Pagefind on file:// (the offline bundle). Browsers refuse ES modules and fetch() there, so the bundle
// ships pagefind.js as a classic script (`pagefind.offline.js`, setting `window.__pagefind`) and every
// index file as a small script that stores its bytes (base64) in `window.__pagefindFiles`. A fetch()
// stand-in answers Pagefind's requests from that map, adding a <script> for a file on first use, so only
// the chunks a query needs are read. Pagefind decompresses in its own code and instantiates WebAssembly
// from bytes, so no MIME type is needed. Shown to work in ../shared/TOOLCHAIN.md ("file://").
import type { Pagefind } from './pagefind.ts';

declare global {
  interface Window {
    __pagefind?: Pagefind;
    __pagefindFiles?: Record<string, string>;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function installFetch(base: string): void {
  const files = (window.__pagefindFiles ??= {});
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const absolute = new URL(url, location.href).href.replace(/[?#].*$/, ''); // drops Pagefind's ?ts= cache-buster
    if (!absolute.startsWith(base)) return original(input, init);
    const key = decodeURIComponent(absolute.slice(base.length));
    if (files[key] === undefined) {
      try {
        await loadScript(`${base}${key}.js`);
      } catch {
        return new Response(null, { status: 404 });
      }
    }
    const data = files[key];
    return data === undefined ? new Response(null, { status: 404 }) : new Response(bytesOf(data).buffer as ArrayBuffer);
  };
}

/** `base`: the absolute file:// URL of the bundle's pagefind/ folder. */
export async function loadPagefindOffline(base: string): Promise<Pagefind> {
  installFetch(base);
  await loadScript(`${base}pagefind.offline.js`);
  const pagefind = window.__pagefind;
  if (!pagefind) throw new Error('pagefind.offline.js did not define window.__pagefind');
  // A worker cannot be created from file://; Pagefind then runs on the main thread.
  // baseUrl '/': result URLs stay site-relative (Pagefind would otherwise prefix the file system path); pageHref() maps them.
  await pagefind.options({ basePath: base, baseUrl: '/', noWorker: true, excerptLength: 28 });
  await pagefind.init();
  return pagefind;
}
