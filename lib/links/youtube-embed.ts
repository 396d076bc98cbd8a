/**
 * A record's `featuredContent` is raw HTML from the feed and is never
 * rendered. When it embeds a YouTube video, the desk shows a preview rebuilt
 * from the video id alone (on youtube-nocookie.com, in a sandboxed iframe);
 * anything else is not shown.
 */
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const PATTERNS = [
  /(?:https?:)?\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)\/embed\/([A-Za-z0-9_-]{11})(?=[?"'&#/\s]|$)/i,
  /(?:https?:)?\/\/(?:www\.|m\.)?youtube\.com\/watch\?(?:[^"'\s]*&(?:amp;)?)?v=([A-Za-z0-9_-]{11})(?=[&"'#\s]|$)/i,
  /(?:https?:)?\/\/youtu\.be\/([A-Za-z0-9_-]{11})(?=[?"'&#/\s]|$)/i,
];

/** The YouTube video id the HTML embeds or links, or null. */
export function youtubeVideoId(html: string | null | undefined): string | null {
  if (!html) return null;
  for (const pattern of PATTERNS) {
    const id = pattern.exec(html)?.[1];
    if (id && VIDEO_ID.test(id)) return id;
  }
  return null;
}

/** The embed URL for a recognised id: nothing from the record but the id itself. */
export function youtubeEmbedUrl(id: string): string {
  if (!VIDEO_ID.test(id)) throw new Error('not a YouTube video id');
  return `https://www.youtube-nocookie.com/embed/${id}`;
}
