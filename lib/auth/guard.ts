/**
 * The one path every desk mutation and desk API call takes:
 *
 *   session or token → active user → role → zod-parsed input → data function
 *   (which writes its audit rows in the same transaction) → revalidate
 *
 * Server actions and route handlers are public endpoints; none of them
 * re-implements a step. Refusals come back as values with HTTP statuses.
 */
import 'server-only';
import { revalidateTag } from 'next/cache';
import type { z } from 'zod';
import { getDb, type Db } from '../db/client';
import type { ActiveUser } from '../data/auth/find-active-user';
import { RefusedError, type RefusedStatus } from '../errors/refused-error';
import { toIssues, type Issue } from '../schemas/format-issues';
import { ARTICLES_TAG } from '../cache/cache-tags';
import { currentUser } from './current-user';
import { permissions, type Permission } from './roles';

export type GuardFailure = { ok: false; status: 401 | RefusedStatus; error: string; issues?: Issue[]; current?: unknown };
export type GuardResult<T> = { ok: true; data: T } | GuardFailure;

export type GuardContext = { user: ActiveUser; db: Db };

/** A request body that could not even be read as JSON: refused as a 400, after authentication. */
export class MalformedInput {
  constructor(readonly message: string) {}
}

export type GuardedOperation<T> = (input: unknown, options?: { request?: Request }) => Promise<GuardResult<T>>;

export function guarded<S extends z.ZodType, T>(definition: {
  permission: Permission;
  input: S;
  run: (input: z.output<S>, context: GuardContext) => Promise<T>;
  /** Whether success changes what readers see (then every reader page is refreshed). */
  changesReaderPages?: boolean;
}): GuardedOperation<T> {
  return async (input, { request } = {}) => {
    const user = await currentUser(request);
    if (!user) return { ok: false, status: 401, error: 'Sign in to do this.' };
    if (!permissions[definition.permission](user.role)) return { ok: false, status: 403, error: 'Your role does not allow this.' };
    if (input instanceof MalformedInput)
      return { ok: false, status: 400, error: input.message, issues: [{ path: '(body)', message: input.message }] };
    const parsed = definition.input.safeParse(input);
    if (!parsed.success) {
      const issues = toIssues(parsed.error.issues);
      return { ok: false, status: 400, error: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues };
    }
    try {
      const data = await definition.run(parsed.data, { user, db: getDb() });
      if (definition.changesReaderPages) revalidateTag(ARTICLES_TAG, { expire: 0 });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof RefusedError) return { ok: false, status: error.status, error: error.message, current: error.current };
      throw error;
    }
  };
}

const MAX_BODY_BYTES = 1_000_000;

/** A route handler's JSON body, or a MalformedInput saying why it is not one. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    return new MalformedInput('the body must be JSON (Content-Type: application/json)');
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return new MalformedInput(`the body must be at most ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    return new MalformedInput('the body is not valid JSON');
  }
}

/** A route handler's response for a guard result. */
export function guardResponse<T>(result: GuardResult<T>, successStatus = 200): Response {
  if (result.ok) return Response.json(result.data, { status: successStatus, headers: { 'Cache-Control': 'no-store' } });
  const { ok: _ok, status, ...body } = result;
  return Response.json(body, {
    status,
    headers: { 'Cache-Control': 'no-store', ...(status === 401 ? { 'WWW-Authenticate': 'Bearer realm="newsdesk"' } : {}) },
  });
}
