/**
 * The article front-matter format: one zod schema, shared by the importer,
 * the exporter and the desk's forms, built from the field map
 * (article-fields.ts).
 *
 * Records in the wild vary (older ones lack `originalUrl`, `quality`, `heat`
 * and `published`; images may carry a `title`), so everything but the title,
 * the date, the source and a link is optional. Unknown keys are kept
 * (`looseObject`) so an export can write them back.
 */
import { z } from 'zod';
import { ARTICLE_FIELDS, IMAGE_FIELDS, RELATED_LINK_FIELDS, SOURCE_FIELDS, type ColumnField } from './article-fields';
import { integer, list, mapping, nonEmptyText } from './values';

export { formatIsoDateTime, isHttpUrl, parseIsoDateTime, describeInput } from './values';

/** The range editors give `quality` in the desk. */
export const QUALITY_MIN = 0;
export const QUALITY_MAX = 1000;

export const ZQuality = integer(QUALITY_MIN, QUALITY_MAX);

type ShapeOf<F extends readonly ColumnField[]> = { [E in F[number] as E['key']]: E['schema'] };

function shapeOf<F extends readonly ColumnField[]>(fields: F): ShapeOf<F> {
  return Object.fromEntries(fields.map((entry) => [entry.key, entry.schema])) as ShapeOf<F>;
}

export const ZImage = z.looseObject(shapeOf(IMAGE_FIELDS));

/** A record's `provider`: the source (outlet) the article or link comes from. */
export const ZSource = mapping({ ...SOURCE_FIELDS, images: list(ZImage).nullish() }, 'a mapping with name and domain');

export const ZRelatedLink = mapping({
  ...shapeOf(RELATED_LINK_FIELDS),
  provider: ZSource.nullish(),
  images: list(ZImage).nullish(),
});

export const ZArticleFields = mapping(
  {
    ...shapeOf(ARTICLE_FIELDS),
    provider: ZSource,
    topics: list(nonEmptyText()).nullish(),
    images: list(ZImage).nullish(),
    related: list(ZRelatedLink).nullish(),
  },
  'a mapping of fields',
);

export const ZArticleFile = ZArticleFields.refine((record) => Boolean(record.webUrl || record.originalUrl), {
  error: 'needs a webUrl or an originalUrl to link to',
  path: ['webUrl'],
});

export type TArticleFile = z.output<typeof ZArticleFile>;
export type TImage = z.output<typeof ZImage>;
export type TSource = z.output<typeof ZSource>;
export type TRelatedLink = z.output<typeof ZRelatedLink>;
