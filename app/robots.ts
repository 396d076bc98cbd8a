import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/reader/site-url';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/desk', '/api/', '/signin', '/search'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
