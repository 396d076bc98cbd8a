/**
 * Reading a request body only once the caller is known, and never more of it
 * than the limit: `Content-Length` is checked first, then the stream is cut
 * off as soon as it passes the limit.
 */
export const MAX_JSON_BODY_BYTES = 1_000_000;

/** Why a body could not be taken as input; the guard answers it with `status`. */
export class BodyRefusal {
  constructor(
    readonly status: 400 | 413,
    readonly message: string,
  ) {}
}

/** The request's body as text, or a refusal when it is (or turns out to be) over `maxBytes`. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string | BodyRefusal> {
  const tooLarge = new BodyRefusal(413, `the body must be at most ${maxBytes} bytes`);
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return tooLarge;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return new BodyRefusal(400, 'the body is not valid UTF-8');
  }
}

/** A JSON body: parsed, or a refusal saying why not. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    return new BodyRefusal(400, 'the body must be JSON (Content-Type: application/json)');
  }
  const text = await readLimitedText(request, maxBytes);
  if (text instanceof BodyRefusal) return text;
  try {
    return JSON.parse(text);
  } catch {
    return new BodyRefusal(400, 'the body is not valid JSON');
  }
}
