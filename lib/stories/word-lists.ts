/**
 * Fixed word lists. They are part of the algorithm, not learnt from the
 * corpus, so a story's membership never changes because more articles
 * arrived (no corpus-wide statistics such as IDF).
 */

/** Function words and headline labels ("Exclusive:", "Opinion |"): no evidence at all. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'for', 'with', 'without', 'at', 'by', 'from',
  'as', 'into', 'onto', 'over', 'under', 'about', 'after', 'before', 'than', 'then', 'that', 'this', 'these', 'those',
  'it', 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'done',
  'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'not', 'no', 'yes', 'how', 'why', 'what',
  'when', 'where', 'who', 'whom', 'whose', 'which', 'while', 'so', 'if', 'up', 'down', 'out', 'off', 'via', 'vs',
  'versus', 'amid', 'against', 'per', 'just', 'more', 'most', 'less', 'also', 'all', 'any', 'some', 'many', 'much',
  'here', 'there', 'he', 'she', 'they', 'we', 'you', 'i', 'his', 'her', 'their', 'our', 'your', 'my', 'me', 'him',
  'them', 'us', 'its', 'now', 'still', 'yet', 'again', 'ever', 'even', 'only', 'very', 'too', 'each', 'both', 'such',
  'own', 'other', 'another', 'through', 'between', 'across', 'around', 'during', 'until', 'within', 'toward',
  'towards', 'get', 'gets', 'got', 'here’s', 'heres', 'exclusive', 'breaking', 'update', 'updated', 'opinion',
  'wont', 'dont', 'cant', 'isnt', 'arent', 'doesnt', 'didnt', 'wasnt', 'havent', 'hasnt',
  'podcast', 'video', 'watch', 'explainer', 'factbox', 'analysis', 'commentary', 'editorial', 'sponsored',
]);

/**
 * Words every press-release template, analyst note and AI-news headline
 * shares. They count a little (weight LOW_WEIGHT), so "How Will Service
 * Robotics Market Deal with COVID-19" and "How Will Speech Recognition Market
 * Deal with COVID-19" agree only on cheap words and differ on the dear ones.
 * Listed in plain form; they are matched after stemming.
 */
export const TEMPLATE_WORDS: readonly string[] = [
  // market-research and press-release templates
  'market', 'report', 'research', 'growth', 'forecast', 'industry', 'global', 'size', 'share', 'trend', 'outlook',
  'covid', 'pandemic', 'coronavirus', 'impact', 'key', 'player', 'opportunity', 'demand', 'segment', 'region',
  'regional', 'cagr', 'worth', 'reach', 'projected', 'expected', 'estimated', 'deal', 'status', 'scope', 'emerging',
  'leading', 'vendor', 'manufacturer', 'top', 'best', 'insight', 'competitive', 'landscape', 'strategy', 'future',
  'application', 'type', 'end', 'user', 'analysis',
  // analyst notes and earnings
  'revenue', 'earnings', 'quarter', 'quarterly', 'fiscal', 'result', 'stock', 'shares', 'price', 'target', 'rating',
  'analyst', 'estimate', 'expect', 'expectation', 'preview', 'forecasts', 'issue', 'set', 'brokers', 'sink', 'soar',
  'jump', 'fall', 'rise', 'today', 'week', 'investor', 'buy', 'sell', 'hold', 'upgrade', 'downgrade',
  'inc', 'corp', 'corporation', 'ltd', 'limited', 'co', 'llc', 'plc', 'holdings', 'nasdaq', 'nyse', 'billion',
  'million', 'trillion', 'percent',
  // headline verbs and fillers
  'new', 'say', 'says', 'said', 'announce', 'launch', 'unveil', 'introduce', 'reveal', 'latest', 'first', 'year', 'day',
  'big', 'major', 'next', 'make', 'help', 'use', 'take', 'plan', 'want', 'call', 'look', 'way', 'time', 'world', 'people',
  'news', 'according', 'here', 'know', 'need', 'think', 'go', 'come', 'work', 'thing', 'could', 'like',
  // the site's own subject: nearly every headline here is about one of these
  'ai', 'ml', 'tech', 'technology', 'data', 'software', 'company', 'firm', 'startup', 'system', 'tool', 'model',
  'algorithm', 'online', 'digital', 'platform', 'service',
  // "U.S." and "UK" open a third of policy headlines without naming the actor
  'usa', 'uk', 'eu',
];

/**
 * Fixed phrases spelt one way before tokenising, so that different outlets'
 * spellings of the same thing share a term. Each pattern runs only when its
 * trigger occurs in the lower-cased text (most headlines contain none).
 */
export const PHRASES: readonly (readonly [trigger: string, pattern: RegExp, replacement: string])[] = [
  ['artificial', /\bartificial[\s-]+intelligence\b/g, ' ai '],
  ['a.i', /\ba\.i\.?(?=\s|$|[^a-z])/g, ' ai '],
  ['machine', /\bmachine[\s-]+learning\b/g, ' ml '],
  ['covid', /\bcovid[\s-]*19\b/g, ' covid '],
  ['sars', /\bsars[\s-]*cov[\s-]*2\b/g, ' covid '],
  ['u.s', /\bu\.s\.a?\.?(?=\s|$|[^a-z])/g, ' usa '],
  ['u.k', /\bu\.k\.(?=\s|$|[^a-z])/g, ' uk '],
  ['face', /\bface[\s-]+recognition\b/g, ' facial recognition '],
  ['self', /\bself[\s-]+driving\b/g, ' selfdriving '],
];

/** Quarters, halves and fiscal years ("Q3", "H1", "FY2021"): every earnings template has one. */
export const PERIOD_TERM = /^(?:q[1-4]|h[12]|fy\d{2}|fy\d{4}|(?:19|20)\d\d)$/;

/** Weight of a template word; an ordinary word weighs 1 and a stop word 0. */
export const LOW_WEIGHT = 0.3;
