import { describe, expect, it } from 'vitest';
import { ZDay } from '../schemas/digest';
import { addDays, dayBounds, dayOf, siteTimeZone } from './day-bounds.mjs';

describe('digest days', () => {
  it('are calendar days in the site’s time zone, 23 or 25 hours long when the clocks change', () => {
    expect(dayBounds('2030-06-01', 'UTC')).toEqual({ start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-06-02T00:00:00Z') });
    expect(dayBounds('2030-06-01', 'Europe/Paris')).toEqual({
      start: new Date('2030-05-31T22:00:00Z'),
      end: new Date('2030-06-01T22:00:00Z'),
    });
    const spring = dayBounds('2030-03-31', 'Europe/Paris');
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = dayBounds('2030-10-27', 'Europe/Paris');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
    expect(dayBounds('2030-06-01', 'America/Los_Angeles').start).toEqual(new Date('2030-06-01T07:00:00Z'));
  });

  it('know which day it is where the site is', () => {
    expect(dayOf(new Date('2030-06-01T23:30:00Z'), 'UTC')).toBe('2030-06-01');
    expect(dayOf(new Date('2030-06-01T23:30:00Z'), 'Europe/Paris')).toBe('2030-06-02');
    expect(addDays('2030-03-01', -1)).toBe('2030-02-28');
  });

  it('refuse impossible days and unknown zones clearly', () => {
    expect(ZDay.safeParse('2030-02-30').success).toBe(false);
    expect(ZDay.safeParse('2030-2-3').success).toBe(false);
    expect(() => siteTimeZone({ NEWSDESK_TIME_ZONE: 'Mars/Olympus' })).toThrow(/IANA time zone/);
    expect(siteTimeZone({})).toBe('UTC');
  });
});
