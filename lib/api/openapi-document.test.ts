import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every route handler under app/api/desk as [OpenAPI path, method]. */
function routeHandlers(): [string, string][] {
  const root = join(process.cwd(), 'app', 'api', 'desk');
  const found: [string, string][] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'route.ts') continue;
    const folder = relative(join(process.cwd(), 'app'), entry.parentPath).split(sep);
    const path = `/${folder.map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const method of HTTP_METHODS) {
      if (new RegExp(`export (async )?function ${method}\\b|export const ${method}\\b`).test(source))
        found.push([path, method.toLowerCase()]);
    }
  }
  return found.sort();
}

describe('the OpenAPI document', () => {
  const document = openApiDocument('https://news.example');

  it('describes every route handler under app/api/desk, and nothing that does not exist', () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(5);
    const described = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => [path, method]),
    );
    expect(described.sort()).toEqual(handlers);
  });

  it('takes its bodies and answers from the zod schemas', () => {
    const patch = document.paths['/api/desk/articles/{id}'].patch;
    const body = patch.requestBody.content['application/json'].schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties).sort()).toEqual(['publishAt', 'published', 'quality', 'unpublishAt', 'version']);
    expect(body.required).toEqual(['version']);
    expect(body.properties.quality).toMatchObject({ type: 'integer', minimum: 0, maximum: 1000 });
    const list = document.paths['/api/desk/articles'].get;
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining([
        'q',
        'status',
        'topic',
        'source',
        'from',
        'to',
        'qualityMin',
        'qualityMax',
        'story',
        'storyId',
        'sort',
        'dir',
        'page',
        'pageSize',
      ]),
    );
    const row = list.responses['200'].content['application/json'].schema as { properties: { rows: { items: { properties: object } } } };
    expect(Object.keys(row.properties.rows.items.properties)).toContain('version');
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
