import './schedule.css';
import Link from 'next/link';
import type { ScheduleChange } from '@/lib/data/desk/list-schedule-changes';
import { LocalTime } from './local-time';

/** What the schedule will put on the river or take off it in the next day. */
export function UpcomingSchedule({ changes }: { changes: ScheduleChange[] }) {
  return (
    <section aria-labelledby="upcoming-schedule" className="upcoming-schedule">
      <h2 id="upcoming-schedule">Next 24 hours</h2>
      {changes.length === 0 ? (
        <p className="empty">Nothing is scheduled to go live or come down in the next 24 hours.</p>
      ) : (
        <ol>
          {changes.map((change) => (
            <li key={`${change.id}-${change.change}`}>
              <LocalTime iso={change.at} />{' '}
              <span className={`schedule-change is-${change.change === 'goes live' ? 'live' : 'down'}`}>{change.change}</span>{' '}
              <Link href={`/desk/articles/${change.id}`}>{change.title}</Link> <span className="hint">({change.sourceName})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
