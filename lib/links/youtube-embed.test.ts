import { describe, expect, it } from 'vitest';
import { youtubeEmbedUrl, youtubeVideoId } from './youtube-embed';

describe('youtubeVideoId', () => {
  it('finds the id of an embed, a watch link or a short link', () => {
    expect(youtubeVideoId('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>')).toBe('dQw4w9WgXcQ');
    expect(youtubeVideoId('<iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3"></iframe>')).toBe('dQw4w9WgXcQ');
    expect(youtubeVideoId('<a href="https://www.youtube.com/watch?feature=share&amp;v=dQw4w9WgXcQ">video</a>')).toBe('dQw4w9WgXcQ');
    expect(youtubeVideoId('see https://youtu.be/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
  });

  it('refuses anything else: other hosts, look-alike hosts, malformed ids, scripts', () => {
    expect(youtubeVideoId('<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>')).toBeNull();
    expect(youtubeVideoId('<iframe src="https://youtube.com.evil.example/embed/dQw4w9WgXcQ"></iframe>')).toBeNull();
    expect(youtubeVideoId('<iframe src="https://www.youtube.com/embed/short"></iframe>')).toBeNull();
    expect(youtubeVideoId('<script>alert(1)</script>')).toBeNull();
    expect(youtubeVideoId(null)).toBeNull();
  });

  it('takes only the id from hostile markup around a real embed', () => {
    expect(youtubeVideoId('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"onload=alert(1)><script>x()</script>')).toBe(
      'dQw4w9WgXcQ',
    );
  });

  it('builds the embed URL from the id alone', () => {
    expect(youtubeEmbedUrl('dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(() => youtubeEmbedUrl('"><script>')).toThrow();
  });
});
