/**
 * What the desk's operations answer, as zod schemas: the TypeScript types of
 * the data layer are inferred from them, and the JSON API's OpenAPI document
 * is generated from them, so the description cannot drift from the code.
 */
import { z } from 'zod';

const isoDateTime = z.string().describe('ISO-8601 date-time (UTC)');

export const ZDeskRow = z.object({
  id: z.number().int(),
  title: z.string(),
  source: z.object({ name: z.string(), domain: z.string() }),
  publishedAt: isoDateTime,
  published: z.boolean(),
  quality: z.number().int().nullable(),
  heat: z.number().int().nullable(),
  publishAt: isoDateTime.nullable().describe('readers see it (if published) only from this instant'),
  unpublishAt: isoDateTime.nullable().describe('readers stop seeing it at this instant'),
  version: z.number().int().describe('send it back with an edit: a stale version is refused with 409'),
  updatedAt: isoDateTime,
  editedByEditors: z.boolean().describe('an editor has set published or quality, so re-imports keep them'),
  inStory: z
    .object({ id: z.number().int(), articles: z.number().int().describe('how many articles the story has, this one included') })
    .nullable()
    .describe('the story the article is shown in; list them all with ?storyId='),
});
export type DeskRow = z.infer<typeof ZDeskRow>;

export const ZDeskStoryGroup = z.object({
  leadId: z.number().int().describe('the row of `rows` standing for the story: its lead (as readers see it), else its best-placed member'),
  storyId: z.number().int().nullable(),
  articles: z.number().int().describe('how many articles the story has, the lead included'),
  unpublished: z.number().int().describe('how many of them are unpublished'),
  others: z.array(ZDeskRow).describe('the other members, published or not, newest first'),
});
export type DeskStoryGroup = z.infer<typeof ZDeskStoryGroup>;

export const ZDeskPage = z.object({
  rows: z.array(ZDeskRow).describe('with ?group=story: one row per story, its lead'),
  groups: z
    .array(ZDeskStoryGroup)
    .optional()
    .describe('only with ?group=story: one entry per row, in the same order, with the story’s other members'),
  total: z.number().int().describe('matching articles; with ?group=story, matching stories'),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  searchTruncated: z.boolean().describe('the search matched more articles than it ranks; only the newest are listed'),
});
export type DeskPage = z.infer<typeof ZDeskPage>;

export const ZChangeEntry = z.object({
  id: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  via: z.enum(['desk', 'bulk', 'undo', 'api']),
  batchId: z.string().nullable(),
  undoOfId: z.string().nullable(),
  createdAt: isoDateTime,
  user: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  undoable: z.boolean(),
});
export type ChangeEntry = z.infer<typeof ZChangeEntry>;

export const ZDeskStoryMember = z.object({
  id: z.number().int(),
  title: z.string(),
  source: z.object({ name: z.string(), domain: z.string() }),
  publishedAt: isoDateTime,
  published: z.boolean(),
  publishAt: isoDateTime.nullable(),
  unpublishAt: isoDateTime.nullable(),
  visible: z.boolean().describe('readers see it now (published, within its schedule)'),
  status: z.enum(['live', 'scheduled', 'expired', 'unpublished']).describe('where it stands with readers now'),
  pinned: z.boolean().describe('an editor split it out: clustering leaves it in this story'),
});

export const ZDeskStory = z.object({
  id: z.number().int(),
  chosenLeadId: z.number().int().nullable().describe('the lead an editor picked, if any'),
  leadId: z.number().int().nullable().describe('the article readers see first; null when no member is visible'),
  members: z.array(ZDeskStoryMember).describe('every article of the story, published or not, this one included'),
});
export type DeskStory = z.infer<typeof ZDeskStory>;

export const ZStoryDecision = z.object({
  storyId: z.number().int().describe('the story the article(s) are shown in now'),
  changeId: z.string().describe('undo it with POST /api/desk/undo {"changeId": …}'),
  moved: z.number().int().describe('how many articles changed story'),
});

export const ZDeskArticle = ZDeskRow.extend({
  story: ZDeskStory.nullable(),
  excerpt: z.string().nullable(),
  url: z.string().nullable(),
  filePath: z.string().nullable(),
  filePublished: z.boolean().nullable(),
  fileQuality: z.number().int().nullable(),
  history: z.array(ZChangeEntry),
});
export type DeskArticle = z.infer<typeof ZDeskArticle>;

export const ZBulkOutcome = z.object({ batchId: z.string().nullable(), matched: z.number().int(), changed: z.number().int() });
export type BulkOutcome = z.infer<typeof ZBulkOutcome>;

export const ZUndoOutcome = z.object({ undone: z.number().int(), skipped: z.number().int(), batchId: z.string() });
export type UndoOutcome = z.infer<typeof ZUndoOutcome>;

export const ZRefusal = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional().describe('on 409: the record as it is now'),
});

const ZFileReport = z.object({
  path: z.string().describe('the file’s path inside the upload: its article’s identity'),
  outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  errors: z.array(z.string()).optional().describe('for a rejection, each field and the reason'),
});

export const ZImportOutcome = z.object({
  id: z.string().describe('the import run; GET /api/desk/imports/{id} answers it again, with ?format=csv|json as a download'),
  what: z.string().describe('what was uploaded, as the report names it'),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int().describe('entries that were not seed files (other extensions, hidden files, folders, links)'),
  files: z.array(ZFileReport),
});
export type ImportOutcome = z.infer<typeof ZImportOutcome>;

export const ZImportRun = z.object({
  id: z.string(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  actorEmail: z.string().nullable(),
  via: z.string(),
  what: z.string(),
  status: z.string(),
  state: z.enum(['running', 'done', 'failed', 'interrupted']),
  files: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
});

export const ZImportRunWithReport = ZImportRun.extend({
  report: z.array(ZFileReport).nullable().describe('every file’s outcome; null while the run is going or when it failed'),
});
