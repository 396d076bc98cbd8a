import type { z } from 'zod';

/** `related[2].webUrl` from zod's `['related', 2, 'webUrl']`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(document)';
}

export type Issue = { path: string; message: string };

/** Each zod issue as a field path and a reason: the shape every error message names. */
export function toIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/** `field.path: reason`, one line per issue. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return toIssues(issues).map((issue) => `${issue.path}: ${issue.message}`);
}
