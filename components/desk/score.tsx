import { isScore } from '@/lib/ranking/score';

/** A score cell: the number, or a dash that says "no score" for an absent or "not computed" (negative) value. */
export function Score({ value }: { value: number | null }) {
  if (isScore(value)) return <>{value}</>;
  return (
    <span title="no score" aria-label="no score">
      —
    </span>
  );
}
