/**
 * Column lists and values for writing an import's rows, taken from the field
 * map by name (never by position): the importer and the benchmark's raw
 * insert share them, so a column added to the map is written everywhere.
 */
import { ARTICLE_COLUMNS, ARTICLE_IMAGE_COLUMNS, RELATED_LINK_COLUMNS, type Codec } from '../../front-matter/article-fields';
import type { ArticleRows, ColumnValue, RelatedRow, Row } from '../../front-matter/article-rows';
import { qualityRank } from '../../ranking/trending';
import { json, type SqlValue } from './sql-connection';

function encode(codec: Codec, value: ColumnValue | undefined, column: string): SqlValue {
  if (value === undefined) throw new Error(`the import has no value for column "${column}"`);
  if (value === null) return null;
  return codec === 'json' ? json(value) : (value as SqlValue);
}

function valuesOf(codecs: Record<string, Codec>, row: Row): SqlValue[] {
  return Object.entries(codecs).map(([column, codec]) => encode(codec, row[column], column));
}

const ARTICLE_FILE_CODECS: Record<string, Codec> = { ...ARTICLE_COLUMNS.fromRecord, ...ARTICLE_COLUMNS.fromFile };

/** "Article" columns the file controls: written on create and on every update. */
export const ARTICLE_FILE_COLUMNS = [...Object.keys(ARTICLE_FILE_CODECS), 'sourceId', 'updatedAt'];

export function articleFileValues(rows: ArticleRows, sourceId: number, now: Date): SqlValue[] {
  return [...valuesOf(ARTICLE_FILE_CODECS, rows.article), sourceId, now];
}

/** A new article: the file's columns, its identity, and editorial state seeded from the file. */
export const ARTICLE_INSERT_COLUMNS = [...ARTICLE_FILE_COLUMNS, 'filePath', 'published', 'quality', 'qualityRank', 'version', 'createdAt'];

export function articleInsertValues(rows: ArticleRows, sourceId: number, now: Date): SqlValue[] {
  const quality = rows.article.fileQuality as number | null;
  return [
    ...articleFileValues(rows, sourceId, now),
    rows.filePath,
    (rows.article.filePublished as boolean | null) ?? false,
    quality,
    qualityRank(quality),
    1,
    now,
  ];
}

/** The editorial columns a re-import may still set: those no editor has touched. */
export function editorialFromFile(rows: ArticleRows, untouched: { published: boolean; quality: boolean }): [string, SqlValue][] {
  const quality = rows.article.fileQuality as number | null;
  return [
    ...(untouched.published ? ([['published', (rows.article.filePublished as boolean | null) ?? false]] as [string, SqlValue][]) : []),
    ...(untouched.quality
      ? ([
          ['quality', quality],
          ['qualityRank', qualityRank(quality)],
        ] as [string, SqlValue][])
      : []),
  ];
}

const IMAGE_CODECS: Record<string, Codec> = { ...ARTICLE_IMAGE_COLUMNS.fromRecord, ...ARTICLE_IMAGE_COLUMNS.fromFile };

export const IMAGE_INSERT_COLUMNS = ['articleId', 'position', ...Object.keys(IMAGE_CODECS)];

export function imageInsertValues(articleId: number, image: Row): SqlValue[] {
  return [articleId, image.position as number, ...valuesOf(IMAGE_CODECS, image)];
}

const RELATED_CODECS: Record<string, Codec> = { ...RELATED_LINK_COLUMNS.fromRecord, ...RELATED_LINK_COLUMNS.fromFile };

export const RELATED_INSERT_COLUMNS = ['articleId', 'position', 'sourceId', ...Object.keys(RELATED_CODECS)];

export function relatedInsertValues(articleId: number, link: RelatedRow, sourceId: number | null): SqlValue[] {
  return [articleId, link.columns.position as number, sourceId, ...valuesOf(RELATED_CODECS, link.columns)];
}

export const TOPIC_INSERT_COLUMNS = ['articleId', 'position', 'topicId', 'label'];
