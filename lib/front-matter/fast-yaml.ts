/**
 * A fast path for the YAML that seed files actually contain: block mappings
 * and sequences of plain or quoted one-line scalars. It gives up (returns
 * `UNSUPPORTED`) on anything else — flow collections, block scalars,
 * anchors, comments, multi-line scalars, numbers other than plain integers —
 * and the caller falls back to js-yaml, so the result is always js-yaml's
 * (core schema) result. Parsing the seed record takes ~20 µs here against
 * ~90 µs in js-yaml, which is most of a 100,000-file import's CPU time.
 * A differential test holds the two parsers to the same output.
 */
export const UNSUPPORTED: unique symbol = Symbol('unsupported YAML');

type Line = { indent: number; text: string };

class Unsupported extends Error {}

function giveUp(): never {
  throw new Unsupported();
}

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
const PLAIN_INTEGER = /^[-+]?(?:0|[1-9][0-9]{0,14})$/;
const NUMBER_LIKE = /^[-+.0-9][0-9A-Za-z_.+-]*$/;
const PLAIN_UNSAFE_START = /^[[\]{}&*!|>%@`#,?:'"-]/;

function readLines(source: string): Line[] {
  // Tabs are indentation errors or rare content: js-yaml sorts those out.
  if (source.includes('\t')) giveUp();
  const lines: Line[] = [];
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    let stop = end;
    while (stop > start && (source.charCodeAt(stop - 1) === 32 || source.charCodeAt(stop - 1) === 13)) stop--;
    let first = start;
    while (first < stop && source.charCodeAt(first) === 32) first++;
    if (first < stop) {
      const lead = source.charCodeAt(first);
      // '#' comment, '---' / '...' document markers
      if (lead === 35 || source.startsWith('---', first) || source.startsWith('...', first)) giveUp();
      lines.push({ indent: first - start, text: source.slice(first, stop) });
    }
    start = end + 1;
  }
  return lines;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r' };

function doubleQuoted(text: string): string {
  let out = '';
  let from = 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    const backslash = text.indexOf('\\', from);
    if (quote === -1) giveUp();
    if (backslash === -1 || quote < backslash) {
      if (text.slice(quote + 1).trim().length > 0) giveUp();
      return out + text.slice(from, quote);
    }
    out += text.slice(from, backslash);
    const escape = text[backslash + 1] ?? '';
    if (escape === 'u') {
      const hex = text.slice(backslash + 2, backslash + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) giveUp();
      out += String.fromCharCode(parseInt(hex, 16));
      from = backslash + 6;
    } else {
      const replacement = ESCAPES[escape];
      if (replacement === undefined) giveUp();
      out += replacement;
      from = backslash + 2;
    }
  }
}

function singleQuoted(text: string): string {
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char !== "'") {
      out += char;
      continue;
    }
    if (text[i + 1] === "'") {
      out += "'";
      i++;
      continue;
    }
    if (text.slice(i + 1).trim().length > 0) giveUp();
    return out;
  }
  return giveUp();
}

function plain(text: string): unknown {
  if (PLAIN_UNSAFE_START.test(text) || text.includes(' #') || text.includes(': ') || text.endsWith(':')) giveUp();
  switch (text) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (PLAIN_INTEGER.test(text)) return Number(text);
  // Floats, hex, octal, `.inf` and friends: leave them to js-yaml.
  if (NUMBER_LIKE.test(text)) giveUp();
  return text;
}

function scalar(text: string): unknown {
  if (text === '[]') return [];
  if (text === '{}') return {};
  if (text.startsWith('"')) return doubleQuoted(text);
  if (text.startsWith("'")) return singleQuoted(text);
  return plain(text);
}

class Parser {
  private index = 0;
  constructor(private readonly lines: Line[]) {}

  parseDocument(): unknown {
    if (this.lines.length === 0) giveUp();
    const value = this.block(this.lines[0]!.indent);
    if (this.index < this.lines.length) giveUp();
    return value;
  }

  private block(indent: number): unknown {
    const line = this.lines[this.index]!;
    if (line.indent !== indent) giveUp();
    return line.text.startsWith('- ') || line.text === '-' ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent < indent) break;
      if (line.indent > indent || line.text.startsWith('-')) giveUp();
      const match = KEY.exec(line.text);
      if (!match) giveUp();
      const key = match[1]!;
      if (Object.hasOwn(out, key) || key === '__proto__') giveUp();
      this.index++;
      const rest = match[2];
      if (rest !== undefined && rest.length > 0) {
        out[key] = scalar(rest);
        if (this.nextIndent() > indent) giveUp();
        continue;
      }
      const next = this.lines[this.index];
      if (next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')))) {
        out[key] = next.indent === indent ? this.sequence(indent) : this.block(next.indent);
      } else {
        out[key] = null;
      }
    }
    return out;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent !== indent || !line.text.startsWith('- ')) break;
      const rest = line.text.slice(2);
      const item = rest.trimStart();
      if (item.length === 0) giveUp();
      const itemIndent = indent + 2 + (rest.length - item.length);
      if (KEY.test(item)) {
        // "- key: value" opens a mapping whose keys line up after the dash.
        this.lines[this.index] = { indent: itemIndent, text: item };
        out.push(this.mapping(itemIndent));
        continue;
      }
      out.push(scalar(item));
      this.index++;
      if (this.nextIndent() > indent) giveUp();
    }
    if (this.nextIndent() > indent) giveUp();
    return out;
  }

  private nextIndent(): number {
    return this.lines[this.index]?.indent ?? -1;
  }
}

export function parseSimpleYaml(source: string): unknown {
  try {
    return new Parser(readLines(source)).parseDocument();
  } catch (error) {
    if (error instanceof Unsupported) return UNSUPPORTED;
    throw error;
  }
}
