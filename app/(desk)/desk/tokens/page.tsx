import type { Metadata } from 'next';
import { TokenManager } from '@/components/desk/token-manager';
import { listOwnApiTokens } from '@/lib/operations';
import { absoluteUrl } from '@/lib/reader/site-url';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const result = await listOwnApiTokens({});
  const tokens = result.ok ? result.data : [];
  return (
    <>
      <h1>API tokens</h1>
      <p>
        Personal tokens let newsroom scripts use the desk API as you, with your role. Send one as <code>Authorization: Bearer …</code>; for
        example <code>curl -H &quot;Authorization: Bearer $TOKEN&quot; {absoluteUrl('/api/desk/articles?status=unpublished')}</code>. A
        token is shown once, when created; only a hash of it is stored.
      </p>
      <TokenManager
        tokens={tokens.map((token) => ({
          ...token,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          expiresAt: token.expiresAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
