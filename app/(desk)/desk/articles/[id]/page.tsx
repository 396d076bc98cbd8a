import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ArticleEditor } from '@/components/desk/article-editor';
import { ScheduleEditor } from '@/components/desk/schedule/schedule-editor';
import { LeadButton, MergeForm, SplitButton } from '@/components/desk/story-actions';
import { UndoButton } from '@/components/desk/undo-button';
import { PresenceBadge } from '@/components/desk/live/presence-badge';
import { PresenceBeacon } from '@/components/desk/live/presence-beacon';
import { ArticleRecordPanel } from '@/components/desk/article/article-record-panel';
import { getArticle, getArticleDetails } from '@/lib/operations';
import { storyPath } from '@/lib/links/story-path';
import { scoreLabel } from '@/lib/ranking/score';

export const metadata: Metadata = { title: 'Article' };

const VIA_LABELS: Record<string, string> = { desk: 'desk', bulk: 'bulk action', undo: 'undo', api: 'API' };

const STATUS_LABELS: Record<string, string> = {
  live: 'on the river',
  scheduled: 'scheduled',
  expired: 'expired',
  unpublished: 'unpublished',
};

/** A story decision in the history, in words. */
function describeStoryChange(field: string, value: unknown): string {
  const v = (value ?? {}) as { story?: number; mergedInto?: number | null; pinned?: number | null; lead?: number | null };
  if (field === 'story.merge') return v.mergedInto ? `story ${v.story} merged into story ${v.mergedInto}` : `story ${v.story} on its own`;
  if (field === 'story.split') return v.pinned ? `split into story ${v.pinned}` : `in story ${v.story ?? 'none'}`;
  if (field === 'story.lead') return v.lead ? `lead of story ${v.story}: article ${v.lead}` : `no chosen lead for story ${v.story}`;
  return show(value);
}

function show(value: unknown): string {
  if (value === true) return 'published';
  if (value === false) return 'unpublished';
  return typeof value === 'number' ? scoreLabel(value) : value === null ? 'none' : String(value);
}

export default async function DeskArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [result, details] = await Promise.all([getArticle({ id }), getArticleDetails({ id })]);
  if (!result.ok) {
    if (result.status === 401) redirect('/signin?callbackUrl=/desk');
    notFound();
  }
  const article = result.data;
  return (
    <article aria-labelledby="article-title">
      <p>
        <Link href="/desk/articles">← All articles</Link>
      </p>
      <h1 id="article-title">{article.title}</h1>
      <PresenceBeacon articleId={article.id} />
      <p className="presence-line" aria-live="polite">
        <PresenceBadge articleId={article.id} long />
      </p>
      <p className="story-meta">
        {article.source.name} ({article.source.domain}) · published {article.publishedAt.slice(0, 16).replace('T', ' ')} UTC
        {article.url ? (
          <>
            {' '}
            · <a href={article.url}>source article</a>
          </>
        ) : null}
        {article.published ? (
          <>
            {' '}
            · <Link href={storyPath(article.id, article.title)}>public page</Link>
          </>
        ) : null}
      </p>
      {article.excerpt ? <p>{article.excerpt}</p> : null}
      {article.story ? <StorySection article={article} story={article.story} /> : null}
      <ArticleEditor row={article} />
      <ScheduleEditor row={article} />
      <dl className="facts">
        <div>
          <dt>Seed file</dt>
          <dd>{article.filePath ?? '—'}</dd>
        </div>
        <div>
          <dt>The file says</dt>
          <dd>
            published: {show(article.filePublished)}, quality: {show(article.fileQuality)}
          </dd>
        </div>
        <div>
          <dt>Re-seeding</dt>
          <dd>{article.editedByEditors ? 'keeps the editors’ values for the fields they set' : 'follows the file'}</dd>
        </div>
      </dl>

      {details.ok ? <ArticleRecordPanel record={details.data} /> : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {article.history.length === 0 ? (
          <p className="empty">No editor has changed this article yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="desk-table">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Change</th>
                  <th scope="col">From</th>
                  <th scope="col">
                    <span className="visually-hidden">Undo</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {article.history.map((change) => (
                  <tr key={change.id}>
                    <td>
                      <time dateTime={change.createdAt}>{change.createdAt.slice(0, 19).replace('T', ' ')}</time>
                    </td>
                    <td>{change.user?.email ?? 'deleted user'}</td>
                    <td>
                      {change.field.startsWith('story.')
                        ? `${change.field}: ${describeStoryChange(change.field, change.oldValue)} → ${describeStoryChange(change.field, change.newValue)}`
                        : `${change.field}: ${show(change.oldValue)} → ${show(change.newValue)}`}
                    </td>
                    <td>
                      {VIA_LABELS[change.via] ?? change.via}
                      {change.undoOfId ? ' (undo)' : ''}
                    </td>
                    <td>
                      {change.undoable ? (
                        <UndoButton
                          changeId={change.id}
                          label={`Undo ${change.field} change from ${change.createdAt.slice(0, 19).replace('T', ' ')}`}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}

type DeskArticleData = Extract<Awaited<ReturnType<typeof getArticle>>, { ok: true }>['data'];

/** The article's story: every member with its status, so an editor sees "already on the river from another outlet". */
function StorySection({ article, story }: { article: DeskArticleData; story: NonNullable<DeskArticleData['story']> }) {
  const others = story.members.filter((member) => member.id !== article.id);
  const live = others.filter((member) => member.visible);
  return (
    <section aria-labelledby="story-title">
      <h2 id="story-title">Story {story.id}</h2>
      <p>
        {others.length === 0
          ? 'No other article reports this story.'
          : `${others.length} other ${others.length === 1 ? 'article reports' : 'articles report'} this story; ${live.length} ${live.length === 1 ? 'is' : 'are'} on the river.`}
      </p>
      <div className="table-scroll">
        <table className="desk-table">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Source</th>
              <th scope="col">Published (UTC)</th>
              <th scope="col">Status</th>
              <th scope="col">Lead</th>
            </tr>
          </thead>
          <tbody>
            {story.members.map((member) => (
              <tr key={member.id} aria-current={member.id === article.id ? 'true' : undefined}>
                <td>
                  {member.id === article.id ? (
                    <strong>{member.title} (this article)</strong>
                  ) : (
                    <Link href={`/desk/articles/${member.id}`}>{member.title}</Link>
                  )}
                  {member.pinned ? ' · split out' : null}
                </td>
                <td>{member.source.name}</td>
                <td>
                  <time dateTime={member.publishedAt}>{member.publishedAt.slice(0, 16).replace('T', ' ')}</time>
                </td>
                <td>{STATUS_LABELS[member.status]}</td>
                <td>
                  {member.id === story.leadId ? (
                    <span>{story.chosenLeadId === member.id ? 'lead (chosen)' : 'lead'}</span>
                  ) : member.visible ? (
                    <LeadButton articleId={member.id} title={member.title} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="inline-form">{others.length > 0 ? <SplitButton articleId={article.id} /> : null}</div>
      <MergeForm storyId={story.id} />
    </section>
  );
}
