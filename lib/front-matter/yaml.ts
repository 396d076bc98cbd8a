/**
 * js-yaml, loaded through its CommonJS build: under Node 20 its ES module build
 * parses the same document about four times slower (measured: ~480 µs against
 * ~120 µs for the seed record), which matters at 100,000 files.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import { parseSimpleYaml, UNSUPPORTED } from './fast-yaml';

const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

/** More aliases than any hand-written record uses; the parser stops counting there. */
export const MAX_YAML_ALIASES = 1_000;
/**
 * How many values aliases may expand a document to. js-yaml never expands an
 * alias (it shares the anchored value), but everything after it would: zod
 * passes unknown keys through, and row mapping, hashing and export walk them.
 */
export const MAX_EXPANDED_VALUES = 200_000;

/** A document that parses but must not be walked: an alias cycle or an alias bomb. */
export class UnsafeYamlError extends Error {}

/**
 * YAML's core schema: no timestamps (dates stay the strings the record wrote,
 * and zod decides what a valid date is), no YAML 1.1 `yes`/`no` booleans.
 */
export function loadYaml(text: string): unknown {
  const simple = parseSimpleYaml(text);
  return simple === UNSUPPORTED ? loadYamlWithJsYaml(text) : simple;
}

export function loadYamlWithJsYaml(text: string): unknown {
  const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, maxAliases: MAX_YAML_ALIASES });
  assertBoundedExpansion(value);
  return value;
}

/**
 * Measures, without expanding anything, how many values the document would
 * have if every alias were copied out: each distinct object is counted once
 * and its size reused wherever it is shared. Refuses cycles (`&a [*a]`),
 * which js-yaml builds as cyclic objects, and documents whose aliases would
 * expand them past MAX_EXPANDED_VALUES ("billion laughs").
 */
export function assertBoundedExpansion(root: unknown): void {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  // Values as written: what the document holds without expanding any alias.
  let written = 0;
  const sizeOf = (value: unknown): number => {
    if (value === null || typeof value !== 'object') {
      written++;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) throw new UnsafeYamlError('a YAML alias refers to a value that contains it (a cycle)');
    open.add(value);
    written++;
    let size = 1;
    for (const child of Object.values(value)) {
      size += sizeOf(child);
      // Only aliases make a value bigger than what is written; stop as soon as they make it a bomb.
      if (size > MAX_EXPANDED_VALUES && size > written) {
        throw new UnsafeYamlError(
          `YAML aliases would expand the document to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values (an alias bomb); refused without expanding it`,
        );
      }
    }
    open.delete(value);
    sizes.set(value, size);
    return size;
  };
  sizeOf(root);
}

/**
 * Dumps with the default schema so that strings another YAML reader would
 * mistake for dates, numbers or booleans are quoted.
 */
export function dumpYaml(value: unknown): string {
  return jsYaml.dump(value, { lineWidth: -1, noRefs: true, quoteStyle: 'double' });
}

export const YAMLException = jsYaml.YAMLException;
