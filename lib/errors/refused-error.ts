/**
 * The one error type for a refused operation: the data layer throws it, the
 * guard turns it into an HTTP-like status for server actions and the JSON API,
 * and CLIs print its message on one line.
 */
export type RefusedStatus = 400 | 403 | 404 | 409 | 413 | 422;

export type RefusedIssue = { path: string; message: string };

export class RefusedError extends Error {
  constructor(
    readonly status: RefusedStatus,
    message: string,
    /** For a conflict: the record as it is now, so the caller can show it. */
    readonly current?: unknown,
    /** For invalid input only the database could judge: the fields and why. */
    readonly issues?: RefusedIssue[],
  ) {
    super(message);
    this.name = 'RefusedError';
  }

  /** A 400 naming the field, like the guard's own input validation. */
  static invalid(path: string, message: string): RefusedError {
    return new RefusedError(400, `${path}: ${message}`, undefined, [{ path, message }]);
  }
}
