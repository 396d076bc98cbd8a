'use client';

import Link from 'next/link';

/** Something failed while rendering: say so, offer a retry, reveal nothing about why. */
export default function ErrorPage({ reset }: { error: unknown; reset: () => void }) {
  return (
    <main id="content" className="error-page">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        <Link href="/">Back to the top stories</Link>
      </p>
    </main>
  );
}
