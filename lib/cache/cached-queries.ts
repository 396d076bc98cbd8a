/**
 * Reader data through Next's data cache, tagged so that any editorial change
 * (revalidateTag(ARTICLES_TAG)) refreshes every reader page that used it,
 * on every app instance (see lib/cache/shared-tag-cache-handler.mjs).
 */
import 'server-only';
import { unstable_cache } from 'next/cache';
import { getSource } from '../data/reader/get-source';
import { getStory } from '../data/reader/get-story';
import { getTopic } from '../data/reader/get-topic';
import { listMoreOnTopics } from '../data/reader/list-more-on-topics';
import { listStories } from '../data/reader/list-stories';
import { listTopics } from '../data/reader/list-topics';
import { searchStories } from '../data/reader/search-stories';
import { searchTerms } from '../reader/search-query';
import { countPublishedStories, listSitemapEntries } from '../data/reader/list-sitemap-entries';
import { findDigestDays } from '../data/digest/find-digest-days';
import { getDigest } from '../data/digest/get-digest';
import { getDb } from '../db/client';
import { ARTICLES_TAG } from './cache-tags.mjs';

const options = { tags: [ARTICLES_TAG] };

export const cachedListStories = unstable_cache(listStories, ['reader:list-stories'], options);
export const cachedGetStory = unstable_cache(getStory, ['reader:get-story'], options);
export const cachedListMoreOnTopics = unstable_cache(listMoreOnTopics, ['reader:more-on-topics'], options);
export const cachedListTopics = unstable_cache(listTopics, ['reader:list-topics'], options);
export const cachedGetTopic = unstable_cache(getTopic, ['reader:get-topic'], options);
export const cachedGetSource = unstable_cache(getSource, ['reader:get-source'], options);
export const cachedCountPublishedStories = unstable_cache(countPublishedStories, ['reader:count-published'], options);
export const cachedListSitemapEntries = unstable_cache(listSitemapEntries, ['reader:sitemap-entries'], options);
/** A day's digest as readers see it (freezing it on the first reading after the day is over). */
export const cachedGetDigest = unstable_cache((day: string) => getDigest(getDb(), day, new Date()), ['reader:get-digest'], options);
/** The days with a digest next to `day`, and the latest one. */
export const cachedFindDigestDays = unstable_cache(
  (day: string) => findDigestDays(getDb(), day, new Date()),
  ['reader:digest-days'],
  options,
);

const cachedSearch = unstable_cache((words: string, page: number) => searchStories(words, page), ['reader:search-stories'], options);
/**
 * A search as readers see it, keyed by its normalised words and page, so
 * "Facial  Recog" and "facial recog" share one entry; like every reader
 * query it is refreshed by any change to articles.
 */
export function cachedSearchStories(input: string, page: number) {
  return cachedSearch(searchTerms(input).join(' '), Math.max(1, page));
}
