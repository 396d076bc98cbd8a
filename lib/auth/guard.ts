/**
 * The one path every desk operation takes, whether it arrives as a server
 * action, a JSON API call or (through the operations) anything else:
 *
 *   same-site check (cookie calls) → session or token → active user → role →
 *   input read and zod-parsed →
 *   one transaction { data function, audit event } → revalidate
 *
 * Server actions and route handlers are public endpoints; none of them
 * re-implements a step. Refusals come back as values with HTTP statuses, and
 * every refusal of a known caller is audited too (after the rollback).
 */
import 'server-only';
import { revalidateTag } from 'next/cache';
import type { z } from 'zod';
import { ARTICLES_TAG } from '../cache/cache-tags.mjs';
import type { ActiveUser } from '../data/auth/find-active-user';
import { recordAuditEvent, type AuditTarget, type AuditVia } from '../data/audit/record-audit-event';
import { getDb, type DbClient, type Prisma } from '../db/client';
import { inTransaction } from '../db/in-transaction';
import { RefusedError, type RefusedStatus } from '../errors/refused-error';
import { isCrossSiteRequest } from '../http/cross-site-request';
import { BodyRefusal } from '../http/read-json-body';
import { toIssues, type Issue } from '../schemas/format-issues';
import { currentUser } from './current-user';
import { permissions, type Permission } from './roles';

export type GuardFailure = { ok: false; status: 401 | RefusedStatus; error: string; issues?: Issue[]; current?: unknown };
export type GuardResult<T> = { ok: true; data: T } | GuardFailure;

/** What an operation runs with: the caller, the channel, and the database (its transaction, for changes). */
export type GuardContext = { user: ActiveUser; db: DbClient; via: RequestVia };

/** Server actions come from the desk; route handlers answer the JSON API. */
type RequestVia = Extract<AuditVia, 'desk' | 'api'>;

/** Input still in the request: read only once the caller is authenticated and allowed. */
export class RequestInput {
  constructor(readonly read: () => Promise<unknown>) {}
}

export type GuardedOperation<T> = ((input: unknown, options?: { request?: Request }) => Promise<GuardResult<T>>) & {
  readonly permission: Permission;
  /** The audit trail's name for it; null for operations that only read. */
  readonly action: string | null;
};

type Definition<S extends z.ZodType, T> = {
  permission: Permission;
  input: S;
  /**
   * Operations that change something name themselves and their target: the
   * guard runs them in one transaction with their audit event. Reads leave
   * this out and run without a transaction.
   */
  audit?: {
    action: string;
    target: (input: z.output<S>, result?: NoInfer<T>) => AuditTarget | null;
    /** A short summary of what happened, kept with the event. */
    detail?: (result: NoInfer<T>) => Prisma.InputJsonValue;
  };
  run: (input: z.output<S>, context: GuardContext) => Promise<T>;
  /** Whether success changes what readers see (then every reader page is refreshed); a function decides from the result. */
  changesReaderPages?: boolean | ((result: NoInfer<T>) => boolean);
  /**
   * For work that commits as it goes, on its own connection (an import
   * writes batch by batch): `run` gets no transaction, and the audit event is
   * written as soon as it returns. One long transaction would hold SQLite's
   * single connection, and with it every other request, for the whole import.
   */
  commitsItsOwnWork?: boolean;
  /**
   * Whether a user who must change their password (a first admin's printed
   * one, an admin's reset) may run it: only changing the password, and
   * reading or ending one's own sessions, may.
   */
  allowedBeforePasswordChange?: boolean;
  /**
   * Runs before the transaction, on the database itself, so what it writes
   * stays even when the operation is then refused (an attempt counter that
   * must count failures). May refuse with a RefusedError.
   */
  beforeRun?: (input: z.output<S>, context: GuardContext) => Promise<void>;
};

export function guarded<S extends z.ZodType, T>(definition: Definition<S, T>): GuardedOperation<T> {
  const { audit } = definition;

  const refuse = async (
    user: ActiveUser,
    via: AuditVia,
    failure: GuardFailure,
    target: AuditTarget | null = null,
  ): Promise<GuardFailure> => {
    if (audit) {
      await recordAuditEvent(getDb(), {
        actorId: user.id,
        action: audit.action,
        target,
        outcome: 'refused',
        status: failure.status,
        via,
        detail: { error: failure.error.slice(0, 500) },
      });
    }
    return failure;
  };

  const operation = async (raw: unknown, { request }: { request?: Request } = {}): Promise<GuardResult<T>> => {
    const via: RequestVia = request ? 'api' : 'desk';
    // A cookie-authenticated change sent by another site's page: refused before anything is read.
    if (request && isCrossSiteRequest(request)) return { ok: false, status: 403, error: 'Cross-site request refused.' };
    const user = await currentUser(request);
    if (!user) return { ok: false, status: 401, error: 'Sign in to do this.' };
    if (!permissions[definition.permission](user.role)) {
      return refuse(user, via, { ok: false, status: 403, error: 'Your role does not allow this.' });
    }
    if (user.mustChangePassword && !definition.allowedBeforePasswordChange) {
      return refuse(user, via, { ok: false, status: 403, error: 'Change your password first.' });
    }
    const input = raw instanceof RequestInput ? await raw.read() : raw;
    if (input instanceof BodyRefusal) {
      return refuse(user, via, {
        ok: false,
        status: input.status,
        error: input.message,
        issues: [{ path: '(body)', message: input.message }],
      });
    }
    const parsed = definition.input.safeParse(input);
    if (!parsed.success) {
      const issues = toIssues(parsed.error.issues);
      return refuse(user, via, {
        ok: false,
        status: 400,
        error: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
        issues,
      });
    }
    try {
      if (definition.beforeRun) await definition.beforeRun(parsed.data, { user, db: getDb(), via });
      const data =
        audit && !definition.commitsItsOwnWork
          ? await inTransaction(getDb(), async (tx) => {
              const result = await definition.run(parsed.data, { user, db: tx, via });
              await recordAuditEvent(tx, {
                actorId: user.id,
                action: audit.action,
                target: audit.target(parsed.data, result),
                outcome: 'ok',
                status: 200,
                via,
                detail: audit.detail?.(result),
              });
              return result;
            })
          : await definition.run(parsed.data, { user, db: getDb(), via });
      if (audit && definition.commitsItsOwnWork) {
        await recordAuditEvent(getDb(), {
          actorId: user.id,
          action: audit.action,
          target: audit.target(parsed.data, data),
          outcome: 'ok',
          status: 200,
          via,
          detail: audit.detail?.(data),
        });
      }
      const { changesReaderPages } = definition;
      if (typeof changesReaderPages === 'function' ? changesReaderPages(data) : changesReaderPages)
        revalidateTag(ARTICLES_TAG, { expire: 0 });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof RefusedError) {
        return refuse(
          user,
          via,
          { ok: false, status: error.status, error: error.message, current: error.current, issues: error.issues },
          audit?.target(parsed.data) ?? null,
        );
      }
      if (audit) {
        await recordAuditEvent(getDb(), {
          actorId: user.id,
          action: audit.action,
          target: audit.target(parsed.data),
          outcome: 'failed',
          status: 500,
          via,
        }).catch(() => {});
      }
      throw error;
    }
  };
  return Object.assign(operation, { permission: definition.permission, action: audit?.action ?? null });
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
