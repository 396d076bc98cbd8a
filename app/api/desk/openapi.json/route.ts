import { openApiDocument } from '@/lib/api/openapi-document';
import { siteUrl } from '@/lib/reader/site-url';

/** GET /api/desk/openapi.json: the JSON API's own description (public: it holds no data). */
export function GET() {
  return Response.json(openApiDocument(siteUrl()), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
