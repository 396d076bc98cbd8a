import type { TArticleFile } from '../front-matter/schema';
import type { ClusterInput } from './cluster-input';

type RecordFields = Pick<
  TArticleFile,
  'title' | 'excerpt' | 'publishedDateTime' | 'webUrl' | 'originalUrl' | 'ampWebUrl' | 'cdnAmpWebUrl' | 'provider' | 'related'
>;

function present(values: readonly (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** The clustering's view of a parsed seed record stored under `key` (its seed path). */
export function clusterInputFromRecord(key: string, record: RecordFields): ClusterInput {
  return {
    key,
    title: record.title,
    excerpt: record.excerpt ?? null,
    publishedAt: new Date(record.publishedDateTime),
    urls: present([record.webUrl, record.originalUrl, record.ampWebUrl, record.cdnAmpWebUrl]),
    relatedUrls: (record.related ?? []).flatMap((link) => present([link.webUrl, link.ampWebUrl, link.cdnAmpWebUrl])),
    sourceDomain: record.provider.domain,
  };
}
