/**
 * The JSON API's OpenAPI 3.1 description, generated from the same zod
 * schemas the guard validates with and the data layer's answers are typed
 * by. A test checks that every route handler under app/api/desk is in it.
 */
import { z } from 'zod';
import { ZArticleEdit, ZBulkEdit, ZDeskQuery } from '../schemas/desk';
import {
  ZBulkOutcome,
  ZDeskArticle,
  ZDeskPage,
  ZDeskRow,
  ZImportOutcome,
  ZImportRun,
  ZImportRunWithReport,
  ZRefusal,
  ZStoryDecision,
  ZUndoOutcome,
} from '../schemas/desk-responses';
import { ZStoryMerge } from '../schemas/stories';

type JsonSchema = Record<string, unknown>;

/** The input side of a schema (what a caller sends); transforms and defaults are described, not run. */
function input(schema: z.ZodType): JsonSchema {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function output(schema: z.ZodType): JsonSchema {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const refusal = (description: string) => ({ description, content: json({ $ref: '#/components/schemas/Refusal' }) });

const REFUSALS = {
  '400': refusal('invalid input: `issues` names each field and the reason'),
  '401': refusal('no valid session cookie or API token'),
  '403': refusal('your role may not do this'),
} as const;

const idParameter = (what: string) => ({ name: 'id', in: 'path', required: true, description: what, schema: { type: 'string' } });

/** ZDeskQuery's fields as query parameters, each with its own schema. */
function queryParameters(): JsonSchema[] {
  const schema = input(ZDeskQuery) as { allOf?: { properties?: Record<string, JsonSchema> }[]; properties?: Record<string, JsonSchema> };
  const properties = Object.assign({}, schema.properties, ...(schema.allOf ?? []).map((part) => part.properties ?? {}));
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }));
}

/** The article edit without `id`: the API takes the id from the path. */
const articleEditBody = input(ZArticleEdit) as { properties?: Record<string, JsonSchema>; required?: string[] };

export function openApiDocument(serverUrl: string) {
  const { id: _id, ...editProperties } = articleEditBody.properties ?? {};
  return {
    openapi: '3.1.0',
    info: {
      title: 'Newsdesk desk API',
      version: '1',
      description:
        'The desk for newsroom scripts, with the same checks, conflicts and audit as the desk itself. Authenticate with a ' +
        'personal API token (`Authorization: Bearer nd_…`, created at /desk/tokens) or the desk session cookie.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/api/desk/openapi.json': {
        get: {
          summary: 'This description',
          security: [],
          responses: { '200': { description: 'the OpenAPI 3.1 document', content: json({ type: 'object' }) } },
        },
      },
      '/api/desk/articles': {
        get: {
          summary: 'List articles, published or not: filtered, sorted and paged',
          parameters: queryParameters(),
          responses: { '200': { description: 'one page of articles', content: json(output(ZDeskPage)) }, ...REFUSALS },
        },
      },
      '/api/desk/articles/{id}': {
        get: {
          summary: 'One article with its change history',
          parameters: [idParameter('the article id')],
          responses: {
            '200': { description: 'the article', content: json(output(ZDeskArticle)) },
            ...REFUSALS,
            '404': refusal('no such article'),
          },
        },
        patch: {
          summary: 'Publish, unpublish or score one article, if it is still at the version you saw',
          parameters: [idParameter('the article id')],
          requestBody: {
            required: true,
            content: json({
              ...articleEditBody,
              properties: editProperties,
              required: (articleEditBody.required ?? []).filter((key) => key !== 'id'),
            }),
          },
          responses: {
            '200': { description: 'the article as it is now', content: json(output(ZDeskRow)) },
            ...REFUSALS,
            '404': refusal('no such article'),
            '409': refusal('the article changed since that version; `current` holds it as it is now'),
            '413': refusal('the body is too large'),
          },
        },
      },
      '/api/desk/articles/bulk': {
        post: {
          summary: 'One change to many articles, all or nothing',
          requestBody: { required: true, content: json(input(ZBulkEdit)) },
          responses: {
            '200': { description: 'how many matched and changed; undo with the batch id', content: json(output(ZBulkOutcome)) },
            ...REFUSALS,
            '404': refusal('a picked article does not exist'),
            '409': refusal('a picked article changed since it was loaded; nothing was changed'),
            '413': refusal('the body is too large'),
          },
        },
      },
      '/api/desk/articles/{id}/split': {
        post: {
          summary: 'Take an article out of its story into a story of its own (kept by later imports and re-clustering)',
          parameters: [idParameter('the article id')],
          responses: {
            '200': { description: 'the new story; undo with the change id', content: json(output(ZStoryDecision)) },
            ...REFUSALS,
            '404': refusal('no such article'),
            '409': refusal('the article is already alone in its story'),
          },
        },
      },
      '/api/desk/articles/{id}/lead': {
        post: {
          summary: 'Make an article the lead of its story: readers see it first while it is visible',
          parameters: [idParameter('the article id')],
          responses: {
            '200': { description: 'the story; undo with the change id', content: json(output(ZStoryDecision)) },
            ...REFUSALS,
            '404': refusal('no such article'),
            '409': refusal('it is the lead already'),
          },
        },
      },
      '/api/desk/stories/merge': {
        post: {
          summary: 'Merge one story into another: its articles (and later arrivals) are shown there',
          requestBody: { required: true, content: json(input(ZStoryMerge)) },
          responses: {
            '200': { description: 'the story they are shown in now; undo with the change id', content: json(output(ZStoryDecision)) },
            ...REFUSALS,
            '404': refusal('no such story, or it has no articles'),
            '409': refusal('one of the stories was already merged into another'),
            '413': refusal('the body is too large'),
          },
        },
      },
      '/api/desk/changes/{id}/undo': {
        post: {
          summary: 'Put one changed field back',
          parameters: [idParameter('the change id (from an article’s history)')],
          responses: {
            '200': { description: 'what was undone', content: json(output(ZUndoOutcome)) },
            ...REFUSALS,
            '404': refusal('no such change'),
            '409': refusal('the field changed again since, or the change was already undone'),
          },
        },
      },
      '/api/desk/batches/{id}/undo': {
        post: {
          summary: 'Undo a whole bulk change; articles changed again since are kept and counted',
          parameters: [idParameter('the batch id a bulk change answered')],
          responses: {
            '200': { description: 'what was undone and skipped', content: json(output(ZUndoOutcome)) },
            ...REFUSALS,
            '404': refusal('no such batch'),
          },
        },
      },
      '/api/desk/articles.csv': {
        get: {
          summary: 'Every article matching the filters, in the sort order, as CSV (streamed; page and pageSize are ignored)',
          parameters: queryParameters().filter((parameter) => parameter.name !== 'page' && parameter.name !== 'pageSize'),
          responses: {
            '200': {
              description:
                'text/csv with a header line: id, title, source, domain, publishedAt, published, quality, heat, publishAt, ' +
                'unpublishAt, updatedAt, url, filePath; cells that a spreadsheet would read as a formula are escaped',
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            ...REFUSALS,
          },
        },
      },
      '/api/desk/events': {
        get: {
          summary: 'The live desk: article changes and presence as server-sent events',
          description:
            'A `text/event-stream` that stays open. `change` events (id: the audit event id; data: {id, at, action, targetType, ' +
            'targetId, actor}) follow every successful article change by anyone (desk, API, import, skip); `presence` events ' +
            '(data: [{userId, who, articleId, activity}], articleId 0 for the table or overview) whenever who is looking at ' +
            'what changes. Resume after a dropped connection with the `Last-Event-ID` header (browsers send it) or `?after=`.',
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              description: 'resume after this audit event id (default: now)',
              schema: { type: 'integer', minimum: 0 },
            },
            {
              name: 'Last-Event-ID',
              in: 'header',
              required: false,
              description: 'as `after`; wins over it',
              schema: { type: 'integer', minimum: 0 },
            },
          ],
          responses: {
            '200': { description: 'the event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            ...REFUSALS,
          },
        },
      },
      '/api/desk/imports': {
        post: {
          summary: 'Import seed files: a .tar.gz, a .zip or multipart/form-data; one report line per file',
          parameters: [
            {
              name: 'strip',
              in: 'query',
              required: false,
              description: 'leading folders to drop from each path, as tar --strip-components',
              schema: { type: 'integer', minimum: 0, maximum: 10 },
            },
            {
              name: 'X-File-Name',
              in: 'header',
              required: false,
              description: 'the uploaded file’s name (URL-encoded), for the record',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/gzip': { schema: { type: 'string', format: 'binary' } },
              'application/zip': { schema: { type: 'string', format: 'binary' } },
              'multipart/form-data': { schema: { type: 'object', additionalProperties: { type: 'string', format: 'binary' } } },
            },
          },
          responses: {
            '200': { description: 'the per-file report', content: json(output(ZImportOutcome)) },
            ...REFUSALS,
            '400': refusal('not a .tar.gz, .zip or multipart upload, or a damaged one; nothing was imported'),
            '413': refusal('the upload, a file in it, or its expanded size is over the limit'),
          },
        },
        get: {
          summary: 'The most recent imports, without their reports',
          responses: {
            '200': { description: 'the runs, newest first', content: json({ type: 'array', items: output(ZImportRun) }) },
            ...REFUSALS,
          },
        },
      },
      '/api/desk/imports/{id}': {
        get: {
          summary: 'One import: its progress while it runs, then its per-file report',
          parameters: [
            idParameter('the import run id'),
            {
              name: 'format',
              in: 'query',
              required: false,
              description: 'csv or json: the report as a download',
              schema: { type: 'string', enum: ['csv', 'json'] },
            },
          ],
          responses: {
            '200': { description: 'the run with its report', content: json(output(ZImportRunWithReport)) },
            ...REFUSALS,
            '404': refusal('no such import'),
          },
        },
      },
    },
    components: {
      schemas: { Refusal: output(ZRefusal) },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a personal API token (nd_…)' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'the desk session' },
      },
    },
  };
}
