import { describe, expect, it } from 'vitest';
import { SEED_RECORD } from '../../test/fixtures/newsroom/seed-record';
import { normaliseUrl, normaliseUrls } from './normalise-url';

describe('normaliseUrl', () => {
  it('drops the scheme, www., the fragment, a trailing slash and the default port', () => {
    const forms = [
      'https://www.theverge.com/2021/2/19/22292011/google-fires-margaret-mitchell',
      'http://theverge.com/2021/2/19/22292011/google-fires-margaret-mitchell/',
      'https://WWW.TheVerge.com:443/2021/2/19/22292011/google-fires-margaret-mitchell#comments',
      'https://m.theverge.com/2021/2/19/22292011/google-fires-margaret-mitchell',
    ];
    expect(new Set(forms.map(normaliseUrl))).toEqual(new Set(['theverge.com/2021/2/19/22292011/google-fires-margaret-mitchell']));
  });

  it('drops tracking parameters and keeps and sorts the others', () => {
    expect(
      normaliseUrl('https://techcrunch.com/2021/06/29/copilot/?utm_source=feedburner&utm_medium=feed&utm_campaign=Feed%3A+Techcrunch'),
    ).toBe('techcrunch.com/2021/06/29/copilot');
    expect(normaliseUrl('https://example.com/story?fbclid=abc&gclid=x&ref=hn&UTM_Content=y')).toBe('example.com/story');
    expect(normaliseUrl('https://example.com/article.php?p=2&id=17&utm_source=rss')).toBe('example.com/article.php?id=17&p=2');
  });

  it('maps every AMP rendering to the page it renders', () => {
    const cases: [string, string][] = [
      [
        'https://www.dailydot.com/debug/biden-facial-recognition-pressure/?amp',
        'https://www.dailydot.com/debug/biden-facial-recognition-pressure/',
      ],
      [
        'https://www.washingtonpost.com/technology/2021/02/17/facial-recognition-biden/?outputType=amp',
        'https://www.washingtonpost.com/technology/2021/02/17/facial-recognition-biden/',
      ],
      [
        'https://www-dailydot-com.cdn.ampproject.org/c/s/www.dailydot.com/debug/biden-facial-recognition-pressure/?amp',
        'https://www.dailydot.com/debug/biden-facial-recognition-pressure/',
      ],
      ['https://techcrunch.com/2020/12/11/hyundai-boston-dynamics/amp/', 'https://techcrunch.com/2020/12/11/hyundai-boston-dynamics/'],
      ['https://www.zdnet.com/google-amp/article/chatgpt-explained/', 'https://www.zdnet.com/article/chatgpt-explained/'],
      ['https://www.cnbc.com/amp/2021/04/12/microsoft-nuance.html', 'https://www.cnbc.com/2021/04/12/microsoft-nuance.html'],
      ['https://www.bbc.com/news/technology-54142567.amp', 'https://www.bbc.com/news/technology-54142567'],
      [
        'https://www.nytimes.com/2021/11/02/technology/facebook-facial-recognition.amp.html',
        'https://www.nytimes.com/2021/11/02/technology/facebook-facial-recognition.html',
      ],
      ['https://amp.theguardian.com/technology/2020/sep/15/arm-nvidia', 'https://www.theguardian.com/technology/2020/sep/15/arm-nvidia'],
      ['https://www.google.com/amp/s/www.theverge.com/platform/x', 'https://www.theverge.com/platform/x'],
      ['https://arstechnica.com/a/2021/06/copilot/?amp=1', 'https://arstechnica.com/a/2021/06/copilot/'],
    ];
    for (const [amp, page] of cases) expect(normaliseUrl(amp), amp).toBe(normaliseUrl(page));
  });

  it('keeps different paths, hosts, ports and meaningful parameters apart', () => {
    const distinct = [
      'https://openai.com/blog/dall-e-now-available-in-beta/',
      'https://openai.com/blog/dall-e-now-available-without-waitlist/',
      'https://blog.openai.com/dall-e-now-available-in-beta/',
      'https://openai.com:8443/blog/dall-e-now-available-in-beta/',
      'https://example.com/article?id=17',
      'https://example.com/article?id=18',
      'https://example.com/Article?id=17',
    ];
    expect(new Set(distinct.map(normaliseUrl)).size).toBe(distinct.length);
  });

  it('ignores what is not an http(s) URL', () => {
    expect(normaliseUrl('mailto:desk@example.com')).toBeNull();
    expect(normaliseUrl('not a url')).toBeNull();
    expect(normaliseUrls(['ftp://example.com/x', 'https://example.com/x', 'http://example.com/x/'])).toEqual(['example.com/x']);
  });

  it('gives each related link of the seed record one address for its page and its AMP renderings', () => {
    for (const link of SEED_RECORD.related ?? []) {
      expect(normaliseUrls([link.webUrl, link.ampWebUrl, link.cdnAmpWebUrl].filter((url): url is string => Boolean(url)))).toHaveLength(1);
    }
  });
});
