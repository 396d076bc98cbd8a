/**
 * One spelling per address, so the same article reached through http/https,
 * www., an AMP page or a tracking link compares equal. Only decorations are
 * removed: two different paths, or a query parameter that is not a known
 * tracking or AMP switch, stay different addresses.
 */

/** Marketing and referral parameters: they say how a reader arrived, not what they read. */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'mc_cid',
  'mc_eid',
  'ocid',
  'cmpid',
  'cmp',
  'smid',
  'smtyp',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'src',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  '_ga',
  '_gl',
  'sr_share',
  'taid',
  'ncid',
  'soc_src',
  'soc_trk',
  'tpcc',
  'mbid',
  'feedtype',
  'feedname',
  'spm',
  'at_medium',
  'at_campaign',
  'xtor',
  'wt_mc',
  'icid',
  'traffic_source',
]);

/** Switches that only ask for the AMP rendering of the same page. */
const AMP_PARAMETERS: Record<string, (value: string) => boolean> = {
  amp: () => true,
  _amp: () => true,
  outputtype: (value) => value.toLowerCase() === 'amp',
  output: (value) => value.toLowerCase() === 'amp',
  amp_js_v: () => true,
  usqp: () => true,
};

const HOST_PREFIXES = /^(?:www\d?|m|mobile|amp)\./;

/** Address of the page an AMP cache or viewer wraps: …cdn.ampproject.org/c/s/host/path, google.com/amp/s/host/path. */
function unwrapAmpCache(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  let match: RegExpExecArray | null = null;
  if (host.endsWith('.cdn.ampproject.org')) match = /^\/(?:[cvi]\/)+(s\/)?(.+)$/.exec(path);
  else if (/^(?:www\.)?google\.[a-z.]+$/.test(host)) match = /^\/amp\/(s\/)?(.+)$/.exec(path);
  if (!match) return null;
  return `${match[1] ? 'https' : 'http'}://${match[2]}${url.search}`;
}

function decodeUnreserved(text: string): string {
  // Percent-escapes of letters, digits and -._~ mean the same as the character itself.
  return text.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

function normalisePath(pathname: string): string {
  let segments = decodeUnreserved(pathname)
    .split('/')
    .filter((segment) => segment.length > 0);
  // AMP renderings that live under their own path: /amp/…, /google-amp/…, …/amp, ….amp, ….amp.html
  if (segments[0] === 'amp' || segments[0] === 'google-amp') segments = segments.slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === 'amp') segments = segments.slice(0, -1);
  const last = segments[segments.length - 1];
  if (last !== undefined) {
    const stripped = last.replace(/\.amp(\.html?)?$/i, (_, extension: string | undefined) => extension ?? '');
    if (stripped.length > 0) segments[segments.length - 1] = stripped;
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}`;
}

function isDroppedParameter(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('utm_')) return true;
  if (TRACKING_PARAMETERS.has(lower)) return true;
  const amp = AMP_PARAMETERS[lower];
  return amp !== undefined && amp(value);
}

/** Plain addresses (no query, fragment, escape, port, AMP or upper case) need no URL parser. */
const PLAIN_URL = /^https?:\/\/([a-z0-9.-]+)(\/[a-z0-9\/._~!$&'()*+,;=:@-]*)?$/;

function normalisePlainUrl(address: string): string | null {
  const match = PLAIN_URL.exec(address);
  if (!match || address.includes('amp')) return null;
  const hostname = match[1]!.replace(/\.$/, '').replace(HOST_PREFIXES, '');
  if (hostname.length === 0 || hostname.endsWith('.cdn.ampproject.org')) return null;
  const path = (match[2] ?? '').replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return `${hostname}${path}`;
}

/**
 * `host/path?query` with the scheme, www., default port, fragment, trailing
 * slash, tracking and AMP decorations removed and the remaining query sorted.
 * Null for anything that is not an http(s) URL.
 */
export function normaliseUrl(address: string): string | null {
  const plain = normalisePlainUrl(address);
  if (plain !== null) return plain;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const unwrapped = unwrapAmpCache(url);
  if (unwrapped !== null) return normaliseUrl(unwrapped);

  const hostname = url.hostname.toLowerCase().replace(/\.$/, '').replace(HOST_PREFIXES, '');
  if (hostname.length === 0) return null;
  const host = url.port ? `${hostname}:${url.port}` : hostname;
  const path = normalisePath(url.pathname);
  const kept: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (!isDroppedParameter(name, value)) kept.push([name, value]);
  }
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
  return `${host}${path === '/' ? '' : path}${query}`;
}

/** The distinct normalised forms of a list of addresses, unparsable ones left out. */
export function normaliseUrls(addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const address of addresses) {
    const normalised = normaliseUrl(address);
    if (normalised !== null) out.add(normalised);
  }
  return [...out];
}
