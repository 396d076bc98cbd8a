import { homeFeed } from '@/lib/reader/feed-routes';

export const dynamic = 'force-static';

export const GET = homeFeed('json');
