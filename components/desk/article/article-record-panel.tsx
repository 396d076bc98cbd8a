import Link from 'next/link';
import type { ArticleRecord } from '@/lib/data/desk/get-article-record';
import { topicPath } from '@/lib/links/topic-path';
import { youtubeEmbedUrl } from '@/lib/links/youtube-embed';
import { scoreLabel } from '@/lib/ranking/score';
import { StoryImage } from '../../reader/story-image';
import { Score } from '../score';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
const publishedText = (value: boolean | null) => (value === null ? 'not said' : value ? 'published' : 'unpublished');

/**
 * What the record holds, for deciding: lead image, whole excerpt, topics,
 * provider, links, every related-coverage link, the file's values against
 * the editors', and a YouTube preview rebuilt from its id (never the
 * record's HTML). Links are only the record's http(s) URLs.
 */
export function ArticleRecordPanel({ record }: { record: ArticleRecord }) {
  return (
    <section aria-labelledby="record-title" className="article-record">
      <h2 id="record-title">The record</h2>
      <div className="record-lead">
        {record.leadImage ? (
          <figure className="record-image">
            <StoryImage
              url={record.leadImage.url}
              width={record.leadImage.width}
              height={record.leadImage.height}
              alt={record.leadImage.title ?? ''}
            />
            <figcaption className="hint">
              Lead image{record.leadImage.width && record.leadImage.height ? `, ${record.leadImage.width}×${record.leadImage.height}` : ''}
            </figcaption>
          </figure>
        ) : (
          <p className="empty">No lead image.</p>
        )}
        <div>
          <h3>Excerpt</h3>
          {record.excerpt ? <p className="record-excerpt">{record.excerpt}</p> : <p className="empty">No excerpt.</p>}
        </div>
      </div>

      <dl className="facts">
        <div>
          <dt>Provider</dt>
          <dd>
            {record.provider.name} ({record.provider.domain})
            {record.provider.spelledInRecord !== record.provider.name ? `; this record spells it “${record.provider.spelledInRecord}”` : ''}
          </dd>
        </div>
        <div>
          <dt>Topics</dt>
          <dd>
            {record.topics.length === 0
              ? 'none'
              : record.topics.map((topic, index) => (
                  <span key={topic.slug}>
                    {index > 0 ? ', ' : ''}
                    <Link href={topicPath(topic.slug)}>{topic.name}</Link>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Type, category</dt>
          <dd>
            {record.type ?? '—'}, {record.category ?? '—'}
          </dd>
        </div>
        <div>
          <dt>Heat</dt>
          <dd>
            <Score value={record.heat} />
          </dd>
        </div>
        <div>
          <dt>Links</dt>
          <dd>
            {record.links.length === 0
              ? 'none'
              : record.links.map((link, index) => (
                  <span key={link.label}>
                    {index > 0 ? ' · ' : ''}
                    <a href={link.url} rel="noopener noreferrer nofollow">
                      {link.label}
                    </a>
                  </span>
                ))}
          </dd>
        </div>
      </dl>

      <h3 id="file-title">The file and the editors</h3>
      <table className="desk-table" aria-labelledby="file-title">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">The file says</th>
            <th scope="col">Now</th>
            <th scope="col">Set by an editor</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">published</th>
            <td>{publishedText(record.file.says.published)}</td>
            <td>
              {publishedText(record.current.published)}
              {record.current.published && !record.current.visibleNow ? ' (outside its schedule: readers do not see it now)' : ''}
            </td>
            <td>{record.file.editorsSet.published ? `yes, ${when(record.file.editorsSet.published)}` : 'no: follows the file'}</td>
          </tr>
          <tr>
            <th scope="row">quality</th>
            <td>{record.file.says.quality === null ? 'not said' : scoreLabel(record.file.says.quality)}</td>
            <td>{scoreLabel(record.current.quality)}</td>
            <td>{record.file.editorsSet.quality ? `yes, ${when(record.file.editorsSet.quality)}` : 'no: follows the file'}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">Source file: {record.file.path ? <code>{record.file.path}</code> : 'none (not imported from a file)'}</p>

      <h3 id="related-title">Related coverage ({record.related.length})</h3>
      {record.related.length === 0 ? (
        <p className="empty">The record lists no related coverage.</p>
      ) : (
        <div className="table-scroll">
          <table className="desk-table" aria-labelledby="related-title">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Headline</th>
                <th scope="col">Time</th>
                <th scope="col" className="numeric">
                  Quality
                </th>
              </tr>
            </thead>
            <tbody>
              {record.related.map((link, index) => (
                <tr key={index}>
                  <td>
                    {link.outlet ?? '—'}
                    {link.domain ? <span className="hint"> ({link.domain})</span> : null}
                  </td>
                  <td>
                    {link.url ? (
                      <a href={link.url} rel="noopener noreferrer nofollow">
                        {link.title}
                      </a>
                    ) : (
                      <>
                        {link.title} <span className="hint">(no usable link)</span>
                      </>
                    )}
                  </td>
                  <td>{link.publishedAt ? <time dateTime={link.publishedAt}>{when(link.publishedAt)}</time> : '—'}</td>
                  <td className="numeric">
                    <Score value={link.quality} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Featured content</h3>
      {record.featuredVideoId ? (
        <div className="record-embed">
          <iframe
            src={youtubeEmbedUrl(record.featuredVideoId)}
            title="Featured video (YouTube preview)"
            sandbox="allow-scripts allow-same-origin allow-presentation"
            allow="encrypted-media; picture-in-picture"
            referrerPolicy="no-referrer"
            loading="lazy"
            width={560}
            height={315}
          />
          <p className="hint">Rebuilt from the YouTube video id {record.featuredVideoId}; the record’s own HTML is never shown.</p>
        </div>
      ) : (
        <p className="empty">
          {record.hasFeaturedContent ? 'The record has featured content that is not a known embed: it is kept, not shown.' : 'None.'}
        </p>
      )}
    </section>
  );
}
