// @ts-check
/**
 * Hashes for the inline scripts of pages served from the cache.
 *
 * Pages prerendered once and served to everyone (the river, stories, topics,
 * sources) cannot carry a per-request nonce, and the inline scripts Next.js
 * writes into them (its `self.__next_f.push(…)` data, the chunk loader, the
 * theme script, JSON-LD) differ per page. proxy.ts gives them a placeholder
 * policy, `script-src 'self' 'unsafe-inline'` (what a bare `next start`
 * serves). The app's own server (scripts/serve-next.mjs) buffers each such
 * HTML response, hashes every inline `<script>` in it, and sends the page
 * unchanged with `'unsafe-inline'` replaced by those `'sha256-…'` sources: an
 * inline script runs only if it is one the app itself wrote into that page.
 * `'self'` stays, so the page's `<script src="/_next/static/…">` tags and the
 * chunks they load still run: `'strict-dynamic'` (as on nonce pages) would
 * drop `'self'` and refuse those parser-inserted tags, which carry neither
 * nonce nor integrity.
 *
 * Everything else (other content types, responses that have a nonce, HEAD,
 * 304s, bodiless responses) passes through untouched and keeps streaming; so
 * does a page whose URL and ETag were hashed before (the policy is then
 * remembered).
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** The script-src proxy.ts gives pages without a nonce; see lib/http/content-security-policy.ts. */
export const PLACEHOLDER_SCRIPT_SOURCES = "'self' 'unsafe-inline'";

// A script element: its attributes (quoted values may hold `>`) and its text.
const SCRIPT_ELEMENT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src(?:\s*=|\s|\/|$)/i;

/**
 * The `'sha256-…'` source of every inline script element (one without a
 * `src` attribute) in the HTML, in order, without repeats. Hashes the text
 * as the browser does: the element's raw text, newlines normalised (the
 * HTML parser turns CRLF and CR into LF), as UTF-8.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  /** @type {Set<string>} */
  const hashes = new Set();
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    hashes.add(`'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * Whether the policy is the placeholder for hashed inline scripts: a
 * script-src of `'self' 'unsafe-inline'` (and, in development,
 * `'unsafe-eval'`), no nonce.
 * @param {string} policy
 */
export function isPlaceholderPolicy(policy) {
  const scripts = scriptSources(policy);
  return scripts !== undefined && scripts.startsWith(PLACEHOLDER_SCRIPT_SOURCES) && !scripts.includes("'nonce-");
}

/**
 * The placeholder policy with `'unsafe-inline'` replaced by the given hash
 * sources (everything else kept as it was).
 * @param {string} policy
 * @param {string[]} hashes
 */
export function policyWithScriptHashes(policy, hashes) {
  return policy
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() !== 'script-src') return directive;
      const kept = sources.filter((source) => source !== "'unsafe-inline'");
      return `${directive.startsWith(' ') ? ' ' : ''}${[name, ...kept, ...hashes].join(' ')}`;
    })
    .join(';');
}

/** @param {string} policy */
function scriptSources(policy) {
  const directive = policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => /^script-src(\s|$)/i.test(part));
  return directive?.slice('script-src'.length).trim();
}

/**
 * The text of a buffered body, decoded from its Content-Encoding; null for an
 * encoding this server does not know (the placeholder then stays).
 * @param {Buffer} body
 * @param {unknown} encoding
 */
function decodedBody(body, encoding) {
  const name = typeof encoding === 'string' ? encoding.trim().toLowerCase() : '';
  if (name === '' || name === 'identity') return body.toString('utf8');
  if (name === 'gzip' || name === 'x-gzip') return gunzipSync(body).toString('utf8');
  if (name === 'deflate') return inflateSync(body).toString('utf8');
  if (name === 'br') return brotliDecompressSync(body).toString('utf8');
  return null;
}

/**
 * Hashed policies of pages already sent, by URL, ETag and placeholder policy:
 * a page served from the cache has the same bytes, so the same hashes, for
 * as long as its ETag stays (Next.js derives the ETag from the body). A hit
 * sends the page as it streams, unheld. Oldest first out.
 */
const MEMO_SIZE = 1000;
/** @type {Map<string, string>} */
const memo = new Map();

/** @param {string} key @param {string} policy */
function remember(key, policy) {
  memo.delete(key);
  memo.set(key, policy);
  if (memo.size > MEMO_SIZE) memo.delete(/** @type {string} */ (memo.keys().next().value));
}

/**
 * Makes the response send placeholder-policy HTML with its inline scripts'
 * hashes instead. Call before the app gets the response: compression
 * (Next.js's, applied inside its handler) then sits on top, and this sees the
 * encoded bytes, which it decodes only to hash and sends as they are.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function hashInlineScriptsOf(request, response) {
  if (request.method !== 'GET') return;
  const { write, end, flushHeaders } = response;
  const writeHead = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (response.writeHead);
  let decided = false;
  /** @type {Buffer[] | null} */
  let chunks = null;
  /** @type {{ statusCode: number, reason: string | undefined }} */
  let head = { statusCode: 200, reason: undefined };
  /** @type {string | null} */
  let memoKey = null;

  /** @type {any} */
  const patched = response;
  patched.writeHead = function (/** @type {number} */ statusCode, /** @type {unknown[]} */ ...rest) {
    if (decided) {
      // Node's implicit header (a write before any writeHead, as compression
      // does) calls here again while the page is held: the head waits too.
      if (chunks) return this;
      return writeHead.call(this, statusCode, ...rest);
    }
    decided = true;
    const reason = typeof rest[0] === 'string' ? /** @type {string} */ (rest.shift()) : undefined;
    const headers = rest[0];
    // Raw header arrays are nobody's here: let them through as they came.
    if (Array.isArray(headers)) return writeHead.call(this, statusCode, reason, headers);
    if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    }
    const policy = this.getHeader('content-security-policy');
    if (typeof policy === 'string' && isPlaceholderPolicy(policy)) {
      if (statusCode === 304) {
        // The browser keeps the policy it stored with the page (the hashes
        // of those same bytes) unless a 304 sends another.
        this.removeHeader('content-security-policy');
      } else if (
        // Any page with a body: not-found and error pages hold inline scripts too.
        statusCode >= 200 &&
        statusCode !== 204 &&
        /^text\/html\b/i.test(String(this.getHeader('content-type') ?? ''))
      ) {
        const etag = this.getHeader('etag');
        const url = request.url ?? '';
        memoKey = typeof etag === 'string' && url.length <= 2048 ? `${url}\n${etag}\n${policy}` : null;
        const known = memoKey === null ? undefined : memo.get(memoKey);
        if (known !== undefined) {
          this.setHeader('Content-Security-Policy', known);
          return writeHead.call(this, statusCode, reason);
        }
        head = { statusCode, reason };
        chunks = [];
        return this;
      }
    }
    return writeHead.call(this, statusCode, reason);
  };

  patched.flushHeaders = function () {
    if (!decided && !this.headersSent) this.writeHead(this.statusCode);
    if (chunks) return;
    return flushHeaders.call(this);
  };

  patched.write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (!decided && !this.headersSent) this.writeHead(this.statusCode);
    if (!chunks) return write.call(this, chunk, encoding, callback);
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk));
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  };

  patched.end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    if (!decided && !this.headersSent) this.writeHead(this.statusCode);
    if (!chunks) return end.call(this, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk));
    const body = Buffer.concat(chunks);
    chunks = null;
    let html = null;
    try {
      html = decodedBody(body, this.getHeader('content-encoding'));
    } catch (error) {
      console.error('newsdesk: could not decode a page to hash its scripts', error);
    }
    if (html !== null) {
      const policy = /** @type {string} */ (this.getHeader('content-security-policy'));
      const hashed = policyWithScriptHashes(policy, inlineScriptHashes(html));
      this.setHeader('Content-Security-Policy', hashed);
      if (memoKey !== null) remember(memoKey, hashed);
    }
    this.setHeader('Content-Length', body.length);
    this.removeHeader('transfer-encoding');
    writeHead.call(this, head.statusCode, head.reason);
    return end.call(this, body, callback);
  };
}
