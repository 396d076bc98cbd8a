/** A refusal the desk reports to the editor with an HTTP-like status (404, 409…). */
export class DeskError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}
