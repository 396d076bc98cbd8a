// @ts-check
/** Every reader page depends on articles; one tag refreshes them all (plain JavaScript: the cache handler reads it too). */
export const ARTICLES_TAG = 'articles';
