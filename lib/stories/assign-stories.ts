import { articleFeatures, type ArticleFeatures } from './article-features';
import { compareCanonical, sortCanonical } from './canonical-order';
import { resolveOptions, type ClusterInput, type ClusteringOptions } from './cluster-input';
import { compareFeatures } from './compare-articles';
import { normaliseUrl } from './normalise-url';

/** Which story an article belongs to, named by the story's leader (its earliest member). */
export type StoryAssignment = { key: string; leaderKey: string };

/**
 * A story that began before the region being assigned, as the region sees it:
 * its leader, and the identity URLs (see `identityUrls`) of its members that
 * come canonically before the region's first article.
 */
export type PriorStory = { leader: ClusterInput; urls: readonly string[] };

type Story = { leader: ArticleFeatures; visited: number };

/** A story holding a URL: the one whose leader comes first, so every caller resolves a URL alike. */
function earlier(a: Story, b: Story): Story {
  return compareCanonical(a.leader.input, b.leader.input) <= 0 ? a : b;
}

/**
 * The sequential assignment both the batch and the incremental path run.
 * Articles must arrive in canonical order; each one's story depends only on
 * what came before it.
 */
function createAssigner(options: ClusteringOptions) {
  const windowMs = options.windowHours * 3_600_000;
  /** Leaders by full-weight headline term, each list in canonical order: the in-memory candidate index. */
  const leadersByTerm = new Map<string, Story[]>();
  const storyByUrl = new Map<string, Story>();
  let visit = 0;

  function holdUrl(url: string, story: Story) {
    const holder = storyByUrl.get(url);
    storyByUrl.set(url, holder ? earlier(holder, story) : story);
  }

  function addLeader(story: Story) {
    for (const term of story.leader.distinctive) {
      let list = leadersByTerm.get(term);
      if (!list) leadersByTerm.set(term, (list = []));
      list.push(story);
    }
  }

  function storyByIdentity(article: ArticleFeatures): Story | undefined {
    let found: Story | undefined;
    for (const url of article.urls) {
      const holder = storyByUrl.get(url);
      if (holder) found = found ? earlier(found, holder) : holder;
    }
    return found;
  }

  /** The best story whose leader is in the window and compares as the same story; ties go to the earlier leader. */
  function storyByText(article: ArticleFeatures): Story | undefined {
    visit++;
    const since = article.time - windowMs;
    let best: Story | undefined;
    let bestScore = -1;
    for (const term of article.distinctive) {
      const list = leadersByTerm.get(term);
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const story = list[i]!;
        if (story.leader.time < since) break;
        if (story.visited === visit) continue;
        story.visited = visit;
        const comparison = compareFeatures(story.leader, article, options);
        if (!comparison.same) continue;
        if (comparison.score > bestScore || (comparison.score === bestScore && best && earlier(story, best) === story)) {
          best = story;
          bestScore = comparison.score;
        }
      }
    }
    return best;
  }

  return {
    addPriorStory(leader: ClusterInput, urls: readonly string[]) {
      const story: Story = { leader: articleFeatures(leader), visited: 0 };
      addLeader(story);
      for (const url of story.leader.urls) holdUrl(url, story);
      for (const url of urls) holdUrl(normaliseUrl(url) ?? url, story);
    },
    assign(input: ClusterInput): string {
      const article = articleFeatures(input);
      let story = storyByIdentity(article) ?? storyByText(article);
      if (!story) {
        story = { leader: article, visited: 0 };
        addLeader(story);
      }
      for (const url of article.urls) holdUrl(url, story);
      return story.leader.input.key;
    },
  };
}

/**
 * Assigns `region` (any order; it is sorted canonically) given the stories
 * that began before it. Everything canonically before the region's first
 * article must be final and described by `priorStories`: every story whose
 * leader lies within the window before the region (or at least every one
 * sharing a `candidateTerms` term with a region article), and every story
 * holding an identity URL of a region article. docs/clustering.md has the
 * whole contract.
 */
export function assignRegion(
  region: readonly ClusterInput[],
  priorStories: readonly PriorStory[],
  options?: Partial<ClusteringOptions>,
): StoryAssignment[] {
  const resolved = resolveOptions(options);
  const ordered = sortCanonical(region);
  const first = ordered[0];
  if (!first) return [];
  const priors = [...priorStories].sort((a, b) => compareCanonical(a.leader, b.leader));
  const assigner = createAssigner(resolved);
  for (const prior of priors) {
    if (compareCanonical(prior.leader, first) >= 0) {
      throw new Error(`prior story ${prior.leader.key} does not begin before the region's first article ${first.key}`);
    }
    assigner.addPriorStory(prior.leader, prior.urls);
  }
  return ordered.map((article) => ({ key: article.key, leaderKey: assigner.assign(article) }));
}

/** Every article's story, from scratch: the batch assignment. */
export function assignStories(articles: readonly ClusterInput[], options?: Partial<ClusteringOptions>): StoryAssignment[] {
  return assignRegion(articles, [], options);
}
