/**
 * The article readers see first for a story: the editors' chosen lead while
 * readers can see it, else the visible member with the highest quality, then
 * the newest, then the highest id. Null when no member is visible: then the
 * story does not exist for readers.
 */
export type LeadCandidate = { id: number; visible: boolean; qualityRank: number; publishedAt: Date | string };

export function pickLead<T extends LeadCandidate>(members: readonly T[], chosenLeadId: number | null): T | null {
  const visible = members.filter((member) => member.visible);
  const chosen = chosenLeadId === null ? undefined : visible.find((member) => member.id === chosenLeadId);
  if (chosen) return chosen;
  let best: T | null = null;
  for (const member of visible) if (!best || compareLeads(member, best) < 0) best = member;
  return best;
}

/** Negative when `a` makes the better lead. */
export function compareLeads(a: LeadCandidate, b: LeadCandidate): number {
  if (a.qualityRank !== b.qualityRank) return b.qualityRank - a.qualityRank;
  const time = new Date(b.publishedAt).getTime() - new Date(a.publishedAt).getTime();
  if (time !== 0) return time;
  return b.id - a.id;
}
