/**
 * `featuredContent` is raw HTML from the record and never reaches a page.
 * If it embeds a YouTube video, the id is read out of it (and checked against
 * YouTube's id alphabet) so the story page can render its own embed.
 */
const YOUTUBE_EMBED = /https?:\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)\/embed\/([A-Za-z0-9_-]{11})(?=["'?&#/\s]|$)/;

export function youtubeVideoId(featuredContent: string | null | undefined): string | null {
  if (!featuredContent) return null;
  return YOUTUBE_EMBED.exec(featuredContent)?.[1] ?? null;
}
