import { describe, expect, it } from 'vitest';
import { candidateTerms } from './candidate-terms';
import { splitWords, stem, stripOutletSuffix, weightedTerms } from './headline-tokens';
import { LOW_WEIGHT } from './word-lists';

const terms = (text: string) => Object.fromEntries(weightedTerms(splitWords(text)));

describe('headline terms', () => {
  it('stems inflections of one word to one term', () => {
    for (const group of [
      ['bias', 'biases'],
      ['license', 'licenses', 'licensed'],
      ['robot', 'robots'],
      ['ban', 'bans', 'banned', 'banning'],
      ['fire', 'fired', 'fires'],
      ['shut', 'shutting'],
      ['announce', 'announced', 'announces', 'announcing'],
    ]) {
      expect(new Set(group.map(stem)), group.join('/')).toHaveProperty('size', 1);
    }
  });

  it('strips outlet suffixes but not the rest of a headline', () => {
    expect(stripOutletSuffix('Amazon extends moratorium on police use of facial recognition software - Reuters')).toBe(
      'Amazon extends moratorium on police use of facial recognition software',
    );
    expect(stripOutletSuffix('Nvidia unveils Grace, its first data center CPU | The Verge')).toBe(
      'Nvidia unveils Grace, its first data center CPU',
    );
    expect(stripOutletSuffix('Computer Vision Market - Global Forecast to 2025')).toBe('Computer Vision Market - Global Forecast to 2025');
    expect(stripOutletSuffix('AI - the next frontier')).toBe('AI - the next frontier');
  });

  it('spells numbers, units and fixed phrases one way', () => {
    expect(terms('Nvidia to buy Arm for $40bn')).toEqual(terms('Nvidia to buy Arm for $40 billion'));
    expect(terms('Tesla recalls 12,000 cars')).toHaveProperty('12000');
    expect(terms('Reducing the carbon footprint of A.I.')).toEqual(terms('Reducing the carbon footprint of artificial intelligence'));
    expect(terms('Amazon’s face-recognition ban')).toEqual(terms("Amazon's facial recognition ban"));
  });

  it('weighs template words low and leaves stop words out', () => {
    const weights = terms('How Will Service Robotics Market Deal with COVID-19');
    expect(weights).toEqual({ servic: LOW_WEIGHT, robotic: 1, market: LOW_WEIGHT, deal: LOW_WEIGHT, covid: LOW_WEIGHT });
    expect(terms('Analysts Set Expectations for Q3 2023 Earnings')).toEqual({
      analyst: LOW_WEIGHT,
      set: LOW_WEIGHT,
      expectation: LOW_WEIGHT,
      q3: LOW_WEIGHT,
      2023: LOW_WEIGHT,
      earn: LOW_WEIGHT,
    });
  });

  it('offers the full-weight headline terms for candidate retrieval', () => {
    const article = {
      key: 'k',
      title: 'Exclusive: Amazon extends moratorium on police use of facial recognition software - Reuters',
      excerpt: null,
      publishedAt: new Date(0),
      urls: [],
      relatedUrls: [],
      sourceDomain: 'reuters.com',
    };
    expect(candidateTerms(article)).toEqual(['amazon', 'extend', 'facial', 'moratorium', 'polic', 'recognition']);
  });
});
