import { describe, expect, it } from 'vitest';
import type { ClusterInput } from './cluster-input';
import { compareArticles } from './compare-articles';

let counter = 0;
function article(fields: Partial<ClusterInput> & { title: string }): ClusterInput {
  counter++;
  return {
    key: `test/${counter}.md`,
    excerpt: null,
    publishedAt: new Date('2021-05-18T17:30:00Z'),
    urls: [`https://example.com/story-${counter}`],
    relatedUrls: [],
    sourceDomain: 'example.com',
    ...fields,
  };
}

const hours = (base: string, n: number) => new Date(Date.parse(base) + n * 3_600_000);

describe('compareArticles', () => {
  it('treats a shared URL as the same article whatever the time or text', () => {
    const first = article({
      title: 'GitHub previews new AI tool that makes coding suggestions',
      urls: ['https://techcrunch.com/2021/06/29/github-copilot/'],
    });
    const recrawl = article({
      title: 'Copilot opens to more developers',
      publishedAt: hours('2021-05-18T17:30:00Z', 24 * 400),
      urls: ['http://www.techcrunch.com/2021/06/29/github-copilot?utm_source=feedburner&utm_medium=feed'],
    });
    expect(compareArticles(first, recrawl)).toMatchObject({ same: true, score: 1, reasons: ['same-url'] });
  });

  it('recognises headline variants: an "Exclusive:" label, an outlet suffix, casing, curly quotes', () => {
    const reuters = article({ title: 'Exclusive: Amazon extends moratorium on police use of facial recognition software' });
    for (const variant of [
      'Amazon extends moratorium on police use of facial recognition software - Reuters',
      'AMAZON EXTENDS MORATORIUM ON POLICE USE OF FACIAL RECOGNITION SOFTWARE | Yahoo Finance',
      'Amazon extends moratorium on police use of face recognition software',
    ]) {
      const result = compareArticles(reuters, article({ title: variant }));
      expect(result.reasons, variant).toEqual(['near-identical-headline']);
      expect(result.headlineSimilarity, variant).toBe(1);
    }
    const curly = compareArticles(
      article({ title: 'Samsung warns of ‘serious imbalance’ in chip industry as shortage bites' }),
      article({ title: "Samsung Warns of 'Serious Imbalance' in Chip Industry as Shortage Bites" }),
    );
    expect(curly.headlineSimilarity).toBe(1);
  });

  it('lets text make the case only inside the window', () => {
    const monday = article({ title: 'Amazon to buy iRobot for $1.7 billion' });
    const later = article({ title: 'Amazon to buy iRobot for $1.7 billion', publishedAt: hours('2021-05-18T17:30:00Z', 73) });
    expect(compareArticles(monday, later)).toMatchObject({ same: false, reasons: ['outside-window'] });
    expect(compareArticles(monday, later, { windowHours: 96 })).toMatchObject({ same: true, reasons: ['near-identical-headline'] });
  });

  it('does not merge templated releases that differ in one noun', () => {
    const template = (market: string) =>
      article({
        title: `How Will ${market} Market Deal with COVID-19`,
        excerpt: `The ${market} Market report provides a detailed analysis of global market size, regional and country-level market size, segmentation market growth, market share, competitive landscape, sales analysis`,
      });
    const result = compareArticles(template('Service Robotics'), template('Speech Recognition'));
    expect(result).toMatchObject({ same: false, reasons: ['no-shared-distinctive-word'] });
    expect(compareArticles(template('Service Robotics'), template('Service Robotics')).same).toBe(true);
  });

  it('does not merge the same analyst template filled in for two companies', () => {
    const note = (company: string, ticker: string) =>
      article({
        title: `${company} (${ticker}) Reports Next Week: Wall Street Expects Earnings Growth`,
        excerpt: `${company} (${ticker}) doesn't possess the right combination of the two key ingredients for a likely earnings beat in its upcoming report. Get prepared with the key expectations.`,
      });
    const acme = note('Acme Corp', 'ACME');
    const globex = note('Globex', 'GBX');
    const result = compareArticles(acme, globex);
    // Everything but the company agrees: only the subjects tell them apart.
    expect(result.headlineContainment).toBeGreaterThanOrEqual(0.5);
    expect(result.textContainment).toBeGreaterThanOrEqual(0.4);
    expect(result).toMatchObject({ same: false, reasons: ['different-subjects'] });
    expect(compareArticles(acme, note('Acme Corp', 'ACME')).same).toBe(true);
  });

  it('does not merge headlines whose numbers disagree', () => {
    const result = compareArticles(
      article({ title: 'Computer Vision Market to Reach $19.1 Billion by 2027, Says AMR' }),
      article({ title: 'Computer Vision Market to Reach $18.2 Billion by 2027, Says AMR' }),
    );
    expect(result).toMatchObject({ same: false, reasons: ['number-conflict'] });
    // A number one side states and the other does not is no conflict.
    expect(
      compareArticles(
        article({ title: 'Zebra Technologies to Acquire Fetch Robotics' }),
        article({ title: 'Zebra Technologies acquiring Fetch Robotics for $290M' }),
      ).same,
    ).toBe(true);
  });

  it('counts a related link as support for similar text, never as a match by itself', () => {
    // The seed record and the Washington Post's report of the same letter.
    const hill = article({
      title: 'ACLU, civil rights groups urge Biden to halt use of facial recognition technology',
      excerpt:
        'The American Civil Liberties Union (ACLU) and other civil rights groups are urging President Biden to halt the use of facial recognition technology by the federal government over dangers the technolog',
    });
    const wapo = (relatedUrls: string[]) =>
      article({
        title: 'Civil rights groups ask Biden administration to oppose facial recognition',
        excerpt:
          'The groups argue the software "would facilitate the mass tracking of each person’s movements in public space — something intolerable in a free and open society."',
        relatedUrls,
      });
    const alone = compareArticles(hill, wapo([]));
    const supported = compareArticles(hill, wapo([...hill.urls]));
    expect(alone.same).toBe(false);
    expect(supported).toMatchObject({ same: true, reasons: ['related-link', 'similar-headline-and-text'] });

    const unrelated = article({
      title: 'French watchdog warns sports club about unlawful use of facial recognition technology',
      excerpt: 'France’s data privacy watchdog CNIL has warned a sports club about the unlawful use of facial recognition technology.',
      relatedUrls: [...hill.urls],
    });
    const listed = compareArticles(hill, { ...unrelated, relatedUrls: [...hill.urls] });
    expect(listed.same).toBe(false);
    expect(listed.reasons).not.toContain('near-identical-headline');
  });

  it('is symmetric', () => {
    const a = article({
      title: 'Facebook is shutting down its facial recognition system',
      excerpt:
        'Facebook will shut down its facial recognition system and delete the face prints of more than a billion people, the company announced Tuesday.',
    });
    const b = article({
      title: 'Facebook to shut down face-recognition system, delete data of 1 billion users',
      excerpt:
        'Facebook Inc said on Tuesday it was shutting down its face-recognition system and deleting the faceprints of more than 1 billion people.',
      relatedUrls: [],
    });
    expect(compareArticles(a, b)).toEqual(compareArticles(b, a));
    expect(compareArticles(a, b).same).toBe(true);
  });

  it('ignores unparsable URLs rather than matching on them', () => {
    const a = article({ title: 'Apple unleashes M1', urls: ['not a url'] });
    const b = article({ title: 'Intel shares fall as Apple moves Macs to its own chips', urls: ['not a url'] });
    expect(compareArticles(a, b).reasons).not.toContain('same-url');
  });
});
