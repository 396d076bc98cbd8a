import { splitHighlights } from '@/lib/reader/search-query';

/** Search snippets with the matched words in <mark>; the text is rendered as text, never as HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
