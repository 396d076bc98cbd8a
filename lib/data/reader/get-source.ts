import 'server-only';
import { getDb } from '../../db/client';
import { safeHttpUrl } from '../../links/safe-url';
import type { Image } from './story-card';
import { countVisibleStories } from './count-visible-stories';

export type SourceDetail = { id: number; domain: string; name: string; logo: Image | null; stories: number };

/** A source (publisher) with its number of published stories; null when unknown or empty. */
export async function getSource(domain: string): Promise<SourceDetail | null> {
  const provider = await getDb().source.findUnique({ where: { domain } });
  if (!provider) return null;
  const stories = await countVisibleStories({ sourceId: provider.id });
  if (stories === 0) return null;
  const logoUrl = safeHttpUrl(provider.logoUrl);
  return {
    id: provider.id,
    domain: provider.domain,
    name: provider.name,
    logo: logoUrl ? { url: logoUrl, width: provider.logoWidth, height: provider.logoHeight } : null,
    stories,
  };
}
