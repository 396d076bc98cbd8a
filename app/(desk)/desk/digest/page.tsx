import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DigestEditor } from '@/components/desk/digest/digest-editor';
import { addDays, dayOf, siteTimeZone } from '@/lib/digest/day-bounds.mjs';
import { longDay } from '@/lib/digest/render-digest-email';
import { getDigestForDesk, listDigestCandidates } from '@/lib/operations';
import { ZDay } from '@/lib/schemas/digest';

export const metadata: Metadata = { title: 'Digest' };

export default async function DeskDigestPage({ searchParams }: { searchParams: Promise<{ day?: string | string[] }> }) {
  const raw = (await searchParams).day;
  const today = dayOf(new Date(), siteTimeZone());
  const parsed = ZDay.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const day = parsed.success ? parsed.data : today;
  const [digest, candidates] = await Promise.all([getDigestForDesk({ day }), listDigestCandidates({ day })]);
  if (!digest.ok) {
    if (digest.status === 401) redirect('/signin?callbackUrl=/desk/digest');
    return <p role="alert">{digest.error}</p>;
  }
  return (
    <>
      <h1>Digest · {longDay(day)}</h1>
      <nav className="pagination" aria-label="Days">
        <Link href={`/desk/digest?day=${addDays(day, -1)}`}>← {addDays(day, -1)}</Link>
        <span>
          <Link href={`/digest/${day}`}>Readers’ page</Link> · <Link href={`/digest/${day}/email`}>Email version</Link>
        </span>
        {day < today ? <Link href={`/desk/digest?day=${addDays(day, 1)}`}>{addDays(day, 1)} →</Link> : <span />}
      </nav>
      {digest.data ? (
        <ol className="digest-preview">
          {digest.data.stories.map((story) => (
            <li key={story.id}>
              {story.pinned ? <strong>Pinned: </strong> : null}
              <Link href={`/desk/articles/${story.id}`}>{story.title}</Link> <span className="hint">({story.source.name})</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">No story readers can see was published on this day.</p>
      )}
      <DigestEditor
        key={day}
        day={day}
        digest={digest.data}
        candidates={candidates.ok ? candidates.data : []}
        note={digest.data?.note ?? null}
      />
    </>
  );
}
