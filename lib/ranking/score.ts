/**
 * Scores (`quality`, `heat`) as producers write them: any whole number, where
 * a negative one (`heat: -1`) is the producers' way of saying "not computed".
 * It is kept verbatim (an export writes it back), ranks like an absent score,
 * and reads as "no score" wherever a score is shown.
 */

/** A real score: present and not a "not computed" sentinel. */
export function isScore(value: number | null | undefined): value is number {
  return typeof value === 'number' && value >= 0;
}

/** The score as people read it: the number, or "no score" for an absent or sentinel value. */
export function scoreLabel(value: number | null | undefined): string {
  return isScore(value) ? String(value) : 'no score';
}
