// A minimal static file server for the built site, the way static hosts behave: `/path/` serves
// `/path/index.html`, unknown paths get `404.html` with status 404. Loopback only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Types a host compresses; fonts, images and WebAssembly are sent as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

/**
 * @param options.base serve the site under this path (`/repo/`), as GitHub Pages serves a project site; any
 *   other path is a 404 with the site's 404 page.
 * @param options.gzip compress text the way a real host does (`npm run audit`: Lighthouse's simulated network
 *   counts transferred bytes); off by default, which is what the browser tests expect.
 */
export function serveStatic(
  root: string,
  options: { gzip?: boolean; base?: string } = {},
): Promise<{ server: Server; url: string }> {
  const base = options.base ?? '/';
  const server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (`${requested}/` === base) {
      response.writeHead(301, { Location: base }).end();
      return;
    }
    // Outside the base nothing is served but the 404 page, so a URL the build forgot to move fails.
    const inside = requested.startsWith(base);
    const path = inside ? `/${requested.slice(base.length)}` : '/';
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    if (inside && existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${requested}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = inside && existsSync(file) && statSync(file).isFile();
    const served = found ? file : join(root, '404.html');
    const headers = { 'Content-Type': TYPES[extname(served)] ?? 'application/octet-stream' };
    const gzip =
      options.gzip && COMPRESSIBLE.has(extname(served)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (gzip) {
      response.writeHead(found ? 200 : 404, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      createReadStream(served).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(found ? 200 : 404, headers);
    createReadStream(served).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}
