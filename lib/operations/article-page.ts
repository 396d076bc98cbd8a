/** The desk article page's record panel, through the guard (a read). */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { getArticleRecord } from '../data/desk/get-article-record';
import { RefusedError } from '../errors/refused-error';
import { ZArticleId } from '../schemas/desk';

export const getArticleDetails = guarded({
  permission: 'curateArticles',
  input: z.object({ id: ZArticleId }).strict(),
  run: async ({ id }, { db }) => {
    const record = await getArticleRecord(db, id);
    if (!record) throw new RefusedError(404, `There is no article ${id}.`);
    return record;
  },
});
