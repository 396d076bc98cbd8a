import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'About',
  description: 'How Newsdesk picks and ranks stories, and how to read it fast.',
  alternates: { canonical: '/about' },
};

export default function AboutPage() {
  return (
    <article className="prose">
      <h1>About Newsdesk</h1>
      <p>
        Newsdesk follows the stories that matter and shows each one with the coverage other outlets gave it. Editors choose what is
        published and score each story’s quality; readers get three orders of the same river.
      </p>
      <h2>The three orders</h2>
      <dl>
        <dt>
          <Link href="/">Top</Link>
        </dt>
        <dd>by the editors’ quality score; stories without a score come last.</dd>
        <dt>
          <Link href="/latest">Latest</Link>
        </dt>
        <dd>newest first.</dd>
        <dt>
          <Link href="/trending">Trending</Link>
        </dt>
        <dd>
          by heat, halved every 12 hours of age: heat × 2^(−age / 12 h). A story twice as hot as another ranks level with it when it is 12
          hours older.
        </dd>
      </dl>
      <h2>Reading fast</h2>
      <p>
        <kbd>j</kbd> and <kbd>k</kbd> move between stories, <kbd>o</kbd> or <kbd>Enter</kbd> opens the one in focus, <kbd>/</kbd> jumps to
        search. The theme follows your system until you pick one.
      </p>
      <h2>Feeds</h2>
      <p>
        Every list has RSS, Atom and JSON feeds: <a href="/rss.xml">/rss.xml</a>, <a href="/atom.xml">/atom.xml</a> and{' '}
        <a href="/feed.json">/feed.json</a> for the latest stories, and the same three under each topic and source page.
      </p>
    </article>
  );
}
