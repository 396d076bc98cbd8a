// @ts-check
/**
 * Calendar days in the site's time zone (`NEWSDESK_TIME_ZONE`, an IANA name
 * such as Europe/Paris; UTC by default), written YYYY-MM-DD: the digest's
 * days, and the midnights at which every page showing "today" goes stale.
 * Plain JavaScript, because the page cache handler uses it too.
 */

/** @param {Record<string, string | undefined>} [env] */
export function siteTimeZone(env = process.env) {
  const zone = env.NEWSDESK_TIME_ZONE?.trim() || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new Error(`NEWSDESK_TIME_ZONE must be an IANA time zone such as Europe/Paris (got "${zone}")`);
  }
}

/** @param {number} instant @param {string} timeZone */
function partsIn(instant, timeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (/** @type {string} */ type) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. @param {number} instant @param {string} timeZone */
function offsetAt(instant, timeZone) {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant the zone's wall clock shows `day` 00:00. @param {string} day @param {string} timeZone */
function startOfDay(day, timeZone) {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/**
 * `[start, end)` of a day in the zone, as UTC instants (23 or 25 hours long on clock-change days).
 * @param {string} day @param {string} timeZone
 */
export function dayBounds(day, timeZone) {
  return { start: new Date(startOfDay(day, timeZone)), end: new Date(startOfDay(addDays(day, 1), timeZone)) };
}

/** The day it is in the zone at `now`. @param {Date} now @param {string} timeZone */
export function dayOf(now, timeZone) {
  const p = partsIn(now.getTime(), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The day before or after, by whole calendar days. @param {string} day @param {number} days */
export function addDays(day, days) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether `day` is a real YYYY-MM-DD day. @param {string} day */
export function isDay(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}
