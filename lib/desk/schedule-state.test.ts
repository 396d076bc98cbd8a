import { describe, expect, it } from 'vitest';
import { describeSchedule, scheduleState, shortDuration } from './schedule-state';

const now = new Date('2030-01-01T12:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe('the schedule in the desk’s words', () => {
  it('says what happens next', () => {
    expect(describeSchedule({ published: true, publishAt: at(120), unpublishAt: null }, now)).toBe('goes live in 2 h');
    expect(describeSchedule({ published: true, publishAt: at(-5), unpublishAt: at(10) }, now)).toBe('comes down in 10 min');
    expect(describeSchedule({ published: true, publishAt: null, unpublishAt: at(-180) }, now)).toBe('came down 3 h ago');
    expect(describeSchedule({ published: false, publishAt: at(60), unpublishAt: null }, now)).toBe('scheduled, but not published');
    expect(describeSchedule({ published: true, publishAt: null, unpublishAt: null }, now)).toBeNull();
  });

  it('puts the boundary itself on the later side: live at publishAt, down at unpublishAt', () => {
    expect(scheduleState({ published: true, publishAt: at(0), unpublishAt: null }, now)).toBe('live');
    expect(scheduleState({ published: true, publishAt: null, unpublishAt: at(0) }, now)).toBe('expired');
  });

  it('rounds distances to what a glance needs', () => {
    expect([shortDuration(45_000), shortDuration(90 * 60_000), shortDuration(3 * 86_400_000)]).toEqual(['45 s', '2 h', '3 days']);
  });
});
