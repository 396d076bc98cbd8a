/**
 * zod copies each mapping it validates, and a copy made by assignment cannot
 * hold a key named `__proto__` (assigning it would set the prototype, so zod
 * leaves it out). A record may have one at any level (producers' unknown
 * keys are theirs to name), and it must survive to export: this puts every
 * own `__proto__` key of the parsed YAML back on zod's copies, as an own
 * property, never touching a prototype. Values zod passed through unchanged
 * (unknown keys) are the YAML's own objects and already have theirs.
 */
const PROTO = '__proto__';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

export function restoreProtoKeys<T>(input: unknown, output: T): T {
  if (!isObject(input) || !isObject(output) || input === output) return output;
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, index) => restoreProtoKeys(item, output[index]));
    return output;
  }
  if (Object.hasOwn(input, PROTO) && !Object.hasOwn(output, PROTO)) {
    Object.defineProperty(output, PROTO, { value: input[PROTO], enumerable: true, writable: true, configurable: true });
  }
  for (const key of Object.keys(output)) {
    if (key !== PROTO && Object.hasOwn(input, key)) restoreProtoKeys(input[key], (output as Record<string, unknown>)[key]);
  }
  return output;
}
