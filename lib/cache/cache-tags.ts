/** Every reader page depends on articles; one tag refreshes them all. */
export const ARTICLES_TAG = 'articles';
