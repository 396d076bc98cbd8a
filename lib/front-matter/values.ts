/**
 * The kinds of value a seed record holds (text, links, dates, whole numbers),
 * each a zod schema whose messages name what was expected and what came.
 * The field map (article-fields.ts) assigns one to every field.
 */
import { z } from 'zod';

export const LIMITS = {
  shortText: 500,
  title: 2_000,
  excerpt: 20_000,
  url: 4_096,
  html: 200_000,
  token: 20_000,
  listItems: 500,
} as const;

function described(kind: string) {
  return {
    error: (issue: { input: unknown }) =>
      issue.input === undefined ? 'is required' : `must be ${kind} (got ${describeInput(issue.input)})`,
  };
}

export function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${String(input)}`;
}

export function text(max: number = LIMITS.shortText) {
  return z.string(described('text')).max(max, { error: `must be at most ${max} characters` });
}

export function nonEmptyText(max?: number) {
  return text(max).refine((value) => value.trim().length > 0, { error: 'must not be empty' });
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const ZHttpUrl = z
  .string(described('an http(s) URL'))
  .max(LIMITS.url, { error: `must be at most ${LIMITS.url} characters` })
  .refine(isHttpUrl, { error: (issue) => `must be an http(s) URL (got ${describeInput(issue.input)})` });

export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .number(described('a whole number'))
    .int({ error: (issue) => `must be a whole number (got ${describeInput(issue.input)})` })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
}

/**
 * The range of an `Int` column on both engines (PostgreSQL's `integer` is 32
 * bits): a score outside it is refused with this reason here rather than by
 * one engine only.
 */
export const INT32 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/** Whole numbers as producers write them, negative sentinels included. */
export function int32() {
  return integer(INT32.min, INT32.max);
}

/**
 * An optional link: an http(s) URL, or the empty string some producers write
 * for "none" (kept verbatim for export; never a link, see safeHttpUrl).
 */
export const ZOptionalHttpUrl = z
  .string(described('an http(s) URL'))
  .max(LIMITS.url, { error: `must be at most ${LIMITS.url} characters` })
  .refine((value) => value === '' || isHttpUrl(value), {
    error: (issue) => `must be an http(s) URL (got ${describeInput(issue.input)})`,
  });

export const ZBoolean = z.boolean(described('true or false'));

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/**
 * Parses an ISO-8601 date or date-time. A time without an offset is taken as
 * UTC. Returns undefined for malformed or impossible dates (2021-02-30).
 */
export function parseIsoDateTime(value: string): Date | undefined {
  // Fast path for the common spelling (2021-02-17T17:45:00Z): if the instant
  // prints back as the same text, every field was in range.
  if (CANONICAL_UTC.test(value)) {
    const date = new Date(value);
    const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
    if (iso === value || iso === `${value.slice(0, -1)}.000Z`) return date;
    return undefined;
  }
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const y = +year!,
    mo = +month!,
    d = +day!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1]!)) return undefined;
  if (+hour > 23 || +minute > 59 || +second > 59) return undefined;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const millis = fraction ? fraction.slice(0, 4).padEnd(4, '0') : '';
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The canonical spelling of an instant: ISO-8601 UTC, milliseconds only when present. */
export function formatIsoDateTime(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * Dates are normalised to one spelling of the same instant, so a record and
 * its export parse to equal values.
 */
export const ZDateTime = z.string(described('an ISO-8601 date-time')).transform((value, context) => {
  const date = parseIsoDateTime(value);
  if (!date) {
    context.addIssue({ code: 'custom', message: `must be an ISO-8601 date-time (got ${describeInput(value)})` });
    return z.NEVER;
  }
  return formatIsoDateTime(date);
});

export function list<T extends z.ZodType>(item: T) {
  return z.array(item, described('a list')).max(LIMITS.listItems, { error: `must have at most ${LIMITS.listItems} items` });
}

export function mapping<S extends z.core.$ZodLooseShape>(shape: S, kind = 'a mapping') {
  return z.looseObject(shape, described(kind));
}
