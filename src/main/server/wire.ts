import { z } from 'zod';
import type { WireRequest, WireResponse } from '../../shared/api/client';
import type { ApiError } from '../../shared/api/contract';
import { MAX_MESSAGE_BYTES } from '../../shared/api/contract';
import { formatPath } from '../../shared/graph/problems';

/** The id an error answer carries when the request's own id could not be read (not JSON, no id). */
export const UNREADABLE_ID = null;

const requestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const wireRequestSchema = z.strictObject({
  id: requestId,
  call: z.string().min(1).max(100),
  input: z.unknown(),
});

const EXAMPLE =
  'Send one JSON object per message, like {"id": 1, "call": "app.info", "input": {}}.';

export type ParsedRequest =
  | { readonly ok: true; readonly request: WireRequest }
  | { readonly ok: false; readonly answer: WireResponse };

function refusal(id: number | null, error: ApiError): ParsedRequest {
  return { ok: false, answer: { id, ok: false, error } };
}

/** Reads one request off the wire; anything else becomes the invalid-input answer to send. */
export function parseWireRequest(text: string): ParsedRequest {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    return refusal(UNREADABLE_ID, {
      code: 'invalid-input',
      message: `The message is not JSON (${(error as Error).message}). ${EXAMPLE}`,
    });
  }
  const parsed = wireRequestSchema.safeParse(message);
  if (parsed.success) return { ok: true, request: parsed.data };
  const id = requestId.safeParse((message as { id?: unknown } | null)?.id);
  return refusal(id.success ? id.data : UNREADABLE_ID, {
    code: 'invalid-input',
    message: `The message is not a Neurite request. ${EXAMPLE}`,
    issues: parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  });
}

/**
 * Serializes an answer. One that cannot be written (a value JSON cannot hold) or that is larger
 * than a client accepts becomes an error answer to the same request instead.
 */
export function encodeResponse(response: WireResponse): string {
  let text: string;
  try {
    text = JSON.stringify(response);
  } catch (error) {
    return JSON.stringify({
      id: response.id,
      ok: false,
      error: {
        code: 'internal',
        message: `Neurite could not send its answer (${(error as Error).message}); this is a bug.`,
      },
    } satisfies WireResponse);
  }
  if (Buffer.byteLength(text) <= MAX_MESSAGE_BYTES) return text;
  return JSON.stringify({
    id: response.id,
    ok: false,
    error: {
      code: 'too-large',
      message: `The answer is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB, more than the browser connection carries.`,
    },
  } satisfies WireResponse);
}
