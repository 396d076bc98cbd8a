import { ZArticleFields, ZImage, ZSource, ZRelatedLink, type TArticleFile } from './schema';

const known = {
  article: new Set(Object.keys(ZArticleFields.shape)),
  source: new Set(Object.keys(ZSource.shape)),
  image: new Set(Object.keys(ZImage.shape)),
  related: new Set(Object.keys(ZRelatedLink.shape)),
};

type Loose = Record<string, unknown>;

function unknownIn(value: unknown, keys: Set<string>, prefix: string, into: Set<string>) {
  if (!value || typeof value !== 'object') return;
  for (const key of Object.keys(value)) if (!keys.has(key)) into.add(prefix + key);
}

function eachImage(images: unknown, prefix: string, into: Set<string>) {
  if (Array.isArray(images)) for (const image of images) unknownIn(image, known.image, prefix, into);
}

function source(value: unknown, prefix: string, into: Set<string>) {
  unknownIn(value, known.source, prefix, into);
  eachImage((value as Loose | null | undefined)?.images, `${prefix}images[].`, into);
}

/** Paths of keys the format does not define, once each, e.g. `related[].provider.logo`. */
export function findUnknownKeys(record: TArticleFile): string[] {
  const found = new Set<string>();
  unknownIn(record, known.article, '', found);
  source(record.provider, 'provider.', found);
  eachImage(record.images, 'images[].', found);
  for (const link of record.related ?? []) {
    unknownIn(link, known.related, 'related[].', found);
    source(link.provider, 'related[].provider.', found);
    eachImage(link.images, 'related[].images[].', found);
  }
  return [...found];
}
