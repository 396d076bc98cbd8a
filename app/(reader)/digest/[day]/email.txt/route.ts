import { notFound } from 'next/navigation';
import { cachedGetDigest } from '@/lib/cache/cached-queries';
import {} from '@/lib/digest/day-bounds.mjs';
import { ZDay } from '@/lib/schemas/digest';
import { isPublishableDay } from '@/lib/digest/digest-feed';
import { renderDigestEmail } from '@/lib/digest/render-digest-email';

/** GET /digest/YYYY-MM-DD/email.txt: the newsletter's plain-text alternative. */
export async function GET(_request: Request, { params }: { params: Promise<{ day: string }> }) {
  const day = ZDay.safeParse((await params).day);
  if (!day.success || !isPublishableDay(day.data)) notFound();
  const digest = await cachedGetDigest(day.data);
  if (!digest) notFound();
  return new Response(renderDigestEmail(digest).text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
