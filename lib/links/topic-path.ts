/** `/topics/ai`: a topic's page; its feeds live under the same path. */
export function topicPath(slug: string): string {
  return `/topics/${encodeURIComponent(slug)}`;
}
