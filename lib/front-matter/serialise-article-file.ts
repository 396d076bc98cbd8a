import type { TArticleFile } from './schema';
import { dumpYaml } from './yaml';

/** Writes a record back as a front-matter document that parses to the same data. */
export function serialiseArticleFile(record: TArticleFile, body: string | null = null): string {
  return `---\n${dumpYaml(record)}---\n${body ?? ''}`;
}
