import { formatIssues } from '../schemas/format-issues';
import { findUnknownKeys } from './find-unknown-keys';
import { ZArticleFile, type TArticleFile } from './schema';
import { restoreProtoKeys } from './restore-proto-keys';
import { loadYaml, MAX_YAML_ALIASES, UnsafeYamlError, YAMLException } from './yaml';

export type ParsedArticleFile = {
  record: TArticleFile;
  /** Text after the closing `---`, or null when there is none. */
  body: string | null;
  /** Paths of keys the format does not know, e.g. `related[].provider.logo`. */
  unknownKeys: string[];
};

export type ParseOutcome = { ok: true; value: ParsedArticleFile } | { ok: false; errors: string[] };

type FrontMatter = { yaml: string; body: string | null };

/** `---`, `---  ` or `---\r`: a delimiter line starting at `start` and ending at `end`. */
function isDelimiter(text: string, start: number, end: number, closing: boolean): boolean {
  const marker = text.startsWith('---', start) || (closing && text.startsWith('...', start));
  if (!marker) return false;
  for (let i = start + 3; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

/** Splits `---\n<yaml>\n---\n<body>`; throws a readable message when the shape is wrong. */
export function splitFrontMatter(text: string): FrontMatter {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineEnd = source.indexOf('\n');
  if (lineEnd === -1) lineEnd = source.length;
  if (!isDelimiter(source, 0, lineEnd, false)) {
    throw new FrontMatterError('the file must start with a "---" line opening the front matter');
  }
  const yamlStart = lineEnd + 1;
  let start = yamlStart;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    if (isDelimiter(source, start, end, true)) {
      const rest = source.slice(end + 1);
      return { yaml: source.slice(yamlStart, start), body: rest.trim().length > 0 ? rest : null };
    }
    start = end + 1;
  }
  throw new FrontMatterError('no closing "---" line ends the front matter');
}

class FrontMatterError extends Error {}

/**
 * Parses and validates one seed file. Never throws for bad input: every
 * problem comes back as `field.path: reason` lines.
 */
export function parseArticleFile(text: string): ParseOutcome {
  let frontMatter: FrontMatter;
  let data: unknown;
  try {
    frontMatter = splitFrontMatter(text);
    if (frontMatter.yaml.trim() === '') return { ok: false, errors: ['(document): the front matter is empty'] };
    data = loadYaml(frontMatter.yaml);
  } catch (error) {
    return { ok: false, errors: [describeSyntaxError(error)] };
  }
  if (data === null || data === undefined) return { ok: false, errors: ['(document): the front matter is empty'] };
  const result = ZArticleFile.safeParse(data);
  if (!result.success) return { ok: false, errors: formatIssues(result.error.issues) };
  const record = restoreProtoKeys(data, result.data);
  return {
    ok: true,
    value: { record, body: frontMatter.body, unknownKeys: findUnknownKeys(record) },
  };
}

function describeSyntaxError(error: unknown): string {
  if (error instanceof FrontMatterError || error instanceof UnsafeYamlError) return `(document): ${error.message}`;
  if (error instanceof YAMLException && /maxAliases/.test(error.reason)) {
    return `(document): more than ${MAX_YAML_ALIASES} YAML aliases (an alias bomb?); refused without expanding them`;
  }
  if (error instanceof YAMLException) {
    // js-yaml counts lines from 0 within the YAML block, which starts on the file's second line.
    const line = error.mark ? ` at line ${error.mark.line + 2}, column ${error.mark.column + 1}` : '';
    return `(document): invalid YAML${line}: ${error.reason}`;
  }
  throw error;
}
