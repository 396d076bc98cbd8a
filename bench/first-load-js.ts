/**
 * npm run bench:js -- --url http://127.0.0.1:3000 [--cookie 'next-auth.session-token=…']
 *
 * First-load JavaScript per route of a running production server: the
 * script chunks each page references, gzipped, split into what every page
 * shares and what the route adds. (Next.js 16's build output no longer
 * prints these sizes.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:3000' }, cookie: { type: 'string' } } });
const base = values.url!.replace(/\/$/, '');

async function scripts(path: string): Promise<{ status: number; chunks: string[] }> {
  const response = await fetch(`${base}${path}`, { headers: values.cookie ? { cookie: values.cookie } : {}, redirect: 'manual' });
  const html = await response.text();
  return {
    status: response.status,
    chunks: [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[^"'\s]+\.js/g)].map((match) => match[0]))],
  };
}

const gzipped = new Map<string, number>();
function size(chunk: string): number {
  if (!gzipped.has(chunk)) gzipped.set(chunk, gzipSync(readFileSync(join('.next', chunk.replace('/_next/', '')))).length);
  return gzipped.get(chunk)!;
}

const home = await (await fetch(`${base}/latest`)).text();
const story = /href="(\/articles\/[^"]+)"/.exec(home)?.[1] ?? '/articles/1';
const routes = [
  '/about',
  '/',
  '/latest',
  story,
  '/topics',
  '/search?q=news',
  '/rss.xml',
  '/signin',
  '/desk',
  '/desk/articles',
  '/desk/tokens',
];
const pages = await Promise.all(routes.map(async (route) => ({ route, ...(await scripts(route)) })));
const htmlPages = pages.filter((page) => page.chunks.length > 0);
const shared = htmlPages.reduce((common, page) => common.filter((chunk) => page.chunks.includes(chunk)), htmlPages[0]?.chunks ?? []);
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
console.log(`shared by every page: ${kb(shared.reduce((sum, chunk) => sum + size(chunk), 0))} kB gzipped (${shared.length} chunks)`);
console.table(
  pages.map((page) => ({
    route: page.route,
    status: page.status,
    'first load JS (kB gz)': kb(page.chunks.reduce((sum, chunk) => sum + size(chunk), 0)),
    'route-specific (kB gz)': kb(page.chunks.filter((chunk) => !shared.includes(chunk)).reduce((sum, chunk) => sum + size(chunk), 0)),
  })),
);
