/**
 * Everything the desk can do, each through the guard. Server actions (the
 * desk UI) and route handlers (the JSON API) call these same operations.
 */
import 'server-only';
import { z } from 'zod';
import { guarded } from '../auth/guard';
import { ZRole } from '../auth/roles';
import { bulkEditArticles } from '../data/desk/bulk-edit-articles';
import { RefusedError } from '../errors/refused-error';
import { editArticle } from '../data/desk/edit-article';
import { getDeskArticle } from '../data/desk/get-desk-article';
import { listDeskArticles } from '../data/desk/list-desk-articles';
import { undoChanges } from '../data/desk/undo-changes';
import { createApiToken } from '../data/tokens/create-api-token';
import { ZNewApiToken } from '../schemas/api-tokens';
import { listApiTokens } from '../data/tokens/list-api-tokens';
import { revokeApiToken } from '../data/tokens/revoke-api-token';
import { createUser, DuplicateEmailError } from '../data/users/create-user';
import { listUsers } from '../data/users/list-users';
import { updateUser } from '../data/users/update-user';
import { ZNewUser } from '../schemas/users';
import { ZArticleEdit, ZArticleId, ZBulkEdit, ZDeskQuery, ZUndo } from '../schemas/desk';

export const listArticles = guarded({
  permission: 'curateArticles',
  input: ZDeskQuery,
  run: (query) => listDeskArticles(query),
});

export const getArticle = guarded({
  permission: 'curateArticles',
  input: z.object({ id: ZArticleId }),
  run: async ({ id }) => {
    const article = await getDeskArticle(id);
    if (!article) throw new RefusedError(404, `There is no article ${id}.`);
    return article;
  },
});

export const editArticleFromDesk = guarded({
  permission: 'curateArticles',
  input: ZArticleEdit,
  run: (edit, { db, user }) => editArticle(db, user.id, edit, 'desk'),
  changesReaderPages: true,
});

export const editArticleFromApi = guarded({
  permission: 'curateArticles',
  input: ZArticleEdit,
  run: (edit, { db, user }) => editArticle(db, user.id, edit, 'api'),
  changesReaderPages: true,
});

export const bulkEdit = guarded({
  permission: 'curateArticles',
  input: ZBulkEdit,
  run: (edit, { db, user }) => bulkEditArticles(db, user.id, edit, 'bulk'),
  changesReaderPages: true,
});

export const undo = guarded({
  permission: 'curateArticles',
  input: ZUndo,
  run: (undoRequest, { db, user }) => undoChanges(db, user.id, undoRequest),
  changesReaderPages: true,
});

export const listOwnApiTokens = guarded({
  permission: 'curateArticles',
  input: z.object({}).strict(),
  run: (_input, { db, user }) => listApiTokens(db, user.id),
});

export const createOwnApiToken = guarded({
  permission: 'curateArticles',
  input: ZNewApiToken,
  run: ({ name }, { db, user }) => createApiToken(db, user.id, name),
});

export const revokeOwnApiToken = guarded({
  permission: 'curateArticles',
  input: z.object({ id: z.string().min(1).max(64) }).strict(),
  run: async ({ id }, { db, user }) => {
    if (!(await revokeApiToken(db, user.id, id))) throw new RefusedError(404, 'You have no such token.');
    return { revoked: id };
  },
});

export const listAllUsers = guarded({
  permission: 'manageUsers',
  input: z.object({}).strict(),
  run: (_input, { db }) => listUsers(db),
});

export const addUser = guarded({
  permission: 'manageUsers',
  input: ZNewUser,
  run: async (newUser, { db }) => {
    try {
      return await createUser(db, newUser);
    } catch (error) {
      if (error instanceof DuplicateEmailError) throw new RefusedError(409, error.message);
      throw error;
    }
  },
});

export const changeUser = guarded({
  permission: 'manageUsers',
  input: z
    .object({ id: z.string().min(1).max(64), role: ZRole.optional(), disabled: z.boolean().optional() })
    .strict()
    .refine((change) => change.role !== undefined || change.disabled !== undefined, { error: 'change the role or the disabled state' }),
  run: ({ id, ...change }, { db, user }) => updateUser(db, user.id, id, change),
});
