'use client';

export default function GlobalError({ reset }: { error: unknown; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="content" style={{ maxWidth: '40rem', margin: '4rem auto', fontFamily: 'system-ui, sans-serif', padding: '0 1rem' }}>
          <h1>Something went wrong</h1>
          <p>The page could not be shown. Please try again in a moment.</p>
          <button type="button" onClick={() => reset()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
