import { digestFeed } from '@/lib/digest/digest-feed';

export const dynamic = 'force-static';

export const GET = digestFeed('atom');
