import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- Next.js's own copy of compression, the one its handler applies, has no types.
import nextCompression from 'next/dist/compiled/compression';
import { contentSecurityPolicy, PLACEHOLDER_SCRIPT_SOURCES as POLICY_PLACEHOLDER } from '../http/content-security-policy';
import {
  hashInlineScriptsOf,
  inlineScriptHashes,
  isPlaceholderPolicy,
  PLACEHOLDER_SCRIPT_SOURCES,
  policyWithScriptHashes,
} from './inline-script-hashes.mjs';

const compression = nextCompression as () => (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Scripts as Next.js writes them into a prerendered page (from .next/server/app/index.html).
const FLIGHT_START = '(self.__next_f=self.__next_f||[]).push([0])';
const FLIGHT =
  'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:\\"/_next/static/chunks/3qfy96eoyh-ek.js\\"\\n3:I[39756,[\\"$2\\"],\\"default\\"]\\n"])';
const LOADER = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/2mcxljkqe-jz0.js"]})';
const THEME =
  'try{var t=localStorage.getItem("newsdesk-theme");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}';
const JSON_LD = '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Trams \\u003c/script> return"}';
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
  '<script src="/_next/static/chunks/01sgwccz2ddtf.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  `<script>${THEME}</script>`,
  `<script id="_R_">${LOADER}</script>`,
  `<script type="application/ld+json">${JSON_LD}</script>`,
  '</head><body><main><p>a &lt;script&gt; in text is not one</p>',
  `<script data-title="a > b" >${FLIGHT}</script >`,
  `<SCRIPT>${FLIGHT_START}</SCRIPT>`,
  `<script>${FLIGHT_START}</script>`,
  '<script\nsrc="/_next/static/chunks/x.js"></script>',
  '</main></body></html>',
].join('');

describe('inlineScriptHashes', () => {
  it('hashes every inline script of a Next.js page, once each, in order, and no script with a src', () => {
    expect(inlineScriptHashes(PAGE)).toEqual([THEME, LOADER, JSON_LD, FLIGHT, FLIGHT_START].map(sha));
  });

  it('hashes the text as the browser does: newlines normalised, UTF-8', () => {
    expect(inlineScriptHashes('<script>a()\r\nb()\rc("é—✓")</script>')).toEqual([sha('a()\nb()\nc("é—✓")')]);
    expect(inlineScriptHashes('<script></script>')).toEqual([sha('')]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });
});

describe('the placeholder policy', () => {
  it('is what proxy.ts gives cached pages, and not what it gives per-request pages', () => {
    expect(PLACEHOLDER_SCRIPT_SOURCES).toBe(POLICY_PLACEHOLDER);
    expect(isPlaceholderPolicy(contentSecurityPolicy({ nonce: null }))).toBe(true);
    expect(isPlaceholderPolicy(contentSecurityPolicy({ nonce: null, development: true }))).toBe(true);
    expect(isPlaceholderPolicy(contentSecurityPolicy({ nonce: 'abc' }))).toBe(false);
    expect(isPlaceholderPolicy("default-src 'self'")).toBe(false);
  });

  it("has 'unsafe-inline' replaced by the hashes, everything else kept", () => {
    const policy = contentSecurityPolicy({ nonce: null });
    const hashed = policyWithScriptHashes(policy, [sha('a'), sha('b')]);
    expect(hashed).toBe(policy.replace("script-src 'self' 'unsafe-inline'", `script-src 'self' ${sha('a')} ${sha('b')}`));
    expect(policyWithScriptHashes(contentSecurityPolicy({ nonce: null, development: true }), [sha('a')])).toContain(
      `script-src 'self' 'unsafe-eval' ${sha('a')};`,
    );
    // A page with no inline script gets 'self' alone.
    expect(policyWithScriptHashes(policy, [])).toContain("script-src 'self';");
  });
});

describe('hashInlineScriptsOf (a Node server in front of a handler)', () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  const placeholder = contentSecurityPolicy({ nonce: null });
  const nonced = contentSecurityPolicy({ nonce: 'abc' });

  async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void, compress = false) {
    const compressor = compression();
    const server = createServer((request, response) => {
      hashInlineScriptsOf(request, response);
      // Next.js applies its compression inside its handler: after this.
      if (compress) compressor(request, response, () => {});
      handler(request, response);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  let etags = 0;
  const page = (policy: string) => (_request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('ETag', `"${(etags += 1)}"`); // a new one per response: nothing remembered
    // Streamed in pieces, a script split across two, the way Next.js pipes a page.
    response.flushHeaders();
    const middle = PAGE.indexOf(FLIGHT) + 10;
    response.write(PAGE.slice(0, middle));
    setTimeout(() => response.end(Buffer.from(PAGE.slice(middle))), 5);
  };

  it('sends a placeholder page unchanged, its script-src the hashes of its inline scripts, with its length', async () => {
    const base = await serve(page(placeholder));
    const response = await fetch(base, { headers: { 'Accept-Encoding': 'identity' } });
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(PAGE)));
    expect(response.headers.get('content-security-policy')).toBe(policyWithScriptHashes(placeholder, inlineScriptHashes(PAGE)));
  });

  it('remembers the policy of a page by URL and ETag, and then lets it stream', async () => {
    let body = PAGE;
    let etag = '"remember-1"';
    const base = await serve((_request, response) => {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Content-Security-Policy', placeholder);
      response.setHeader('ETag', etag);
      response.write(body.slice(0, 100));
      response.end(body.slice(100));
    });
    const first = await fetch(`${base}/remember`);
    expect(first.headers.get('content-length')).toBe(String(Buffer.byteLength(PAGE)));
    const second = await fetch(`${base}/remember`);
    expect(second.headers.get('transfer-encoding')).toBe('chunked'); // not held back this time
    expect(await second.text()).toBe(PAGE);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    // A new version of the page has a new ETag, and is hashed anew.
    body = PAGE.replace(THEME, 'changed()');
    etag = '"remember-2"';
    const third = await fetch(`${base}/remember`);
    expect(third.headers.get('content-security-policy')).toBe(policyWithScriptHashes(placeholder, inlineScriptHashes(body)));
    expect(third.headers.get('content-security-policy')).toContain(sha('changed()'));
  });

  it('hashes a not-found page too', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(404, 'Not Found', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': placeholder });
      response.end(PAGE);
    });
    const response = await fetch(base);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get('content-security-policy')).toBe(policyWithScriptHashes(placeholder, inlineScriptHashes(PAGE)));
  });

  it('hashes what compression encodes, and sends the encoded bytes', async () => {
    const base = await serve(page(placeholder), true);
    const response = await fetch(base, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(PAGE); // fetch decodes it
    expect(response.headers.get('content-security-policy')).toBe(policyWithScriptHashes(placeholder, inlineScriptHashes(PAGE)));
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(base, { headers: { 'Accept-Encoding': 'gzip' } }, (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
        }).on('error', reject),
      );
    });
    expect(gunzipSync(raw).toString()).toBe(PAGE);
  });

  it('passes nonce pages, other types, HEAD and 304s through, the 304 without the placeholder', async () => {
    const nonce = await fetch(await serve(page(nonced)));
    expect(nonce.headers.get('content-security-policy')).toBe(nonced);
    expect(nonce.headers.get('transfer-encoding')).toBe('chunked'); // still streamed
    expect(await nonce.text()).toBe(PAGE);

    const json = await fetch(
      await serve((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Security-Policy': placeholder });
        response.end('{"a":"<script>x()</script>"}');
      }),
    );
    expect(json.headers.get('content-security-policy')).toBe(placeholder);

    const head = await fetch(await serve(page(placeholder)), { method: 'HEAD' });
    expect(head.headers.get('content-security-policy')).toBe(placeholder);

    const notModified = await fetch(
      await serve((_request, response) => {
        response.writeHead(304, { 'Content-Type': 'text/html', 'Content-Security-Policy': placeholder, ETag: '"1"' });
        response.end();
      }),
    );
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-security-policy')).toBeNull();
  });
});
