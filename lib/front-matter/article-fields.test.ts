import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_COLUMNS, ARTICLE_IMAGE_COLUMNS, codecsOf, RELATED_LINK_COLUMNS } from './article-fields';

/** The scalar columns of a model in the Prisma schema (relation fields and lists left out). */
function columnsOf(model: string): string[] {
  const schema = readFileSync('prisma/sqlite/schema.prisma', 'utf8');
  const body = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schema)?.[1];
  if (!body) throw new Error(`no model ${model}`);
  const models = new Set([...schema.matchAll(/^model (\w+)/gm)].map((match) => match[1]));
  return body
    .split('\n')
    .map((line) => /^\s+(\w+)\s+(\w+)(\[\])?\??/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !match[3] && !models.has(match[2]!))
    .map((match) => match[1]!)
    .sort();
}

describe('the field map', () => {
  it.each([
    ['Article', ARTICLE_COLUMNS],
    ['RelatedLink', RELATED_LINK_COLUMNS],
    ['ArticleImage', ARTICLE_IMAGE_COLUMNS],
  ] as const)('accounts for every column of %s in the Prisma schema, and for no other', (model, registry) => {
    expect(Object.keys(codecsOf(registry)).sort()).toEqual(columnsOf(model));
  });
});
