import { z } from 'zod';
import { apiErrorSchema } from '../api/contract';
import { backendChoiceSchema, backendReportSchema } from '../training/backends';

/**
 * Questions main may ask a process of the trainer family, with the shape of each answer. A
 * trainer process runs one training job; a serving process answers these, one request at a
 * time, until its host lets it go. Everything that needs TF.js (the backend report now, a
 * trained model's predictions later) is asked this way, so TF.js never loads in main.
 */
export const WORKER_CALLS = {
  /** Which TF.js backend runs on this computer, and why each better one does not. */
  'backends.report': {
    input: z.strictObject({ choice: backendChoiceSchema }),
    output: backendReportSchema,
  },
} as const;

export type WorkerCallName = keyof typeof WORKER_CALLS;
export type WorkerInput<N extends WorkerCallName> = z.input<(typeof WORKER_CALLS)[N]['input']>;
export type WorkerOutput<N extends WorkerCallName> = z.output<(typeof WORKER_CALLS)[N]['output']>;

export const workerRequestSchema = z.strictObject({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  call: z.string(),
  input: z.unknown(),
});
export type WorkerRequest = z.output<typeof workerRequestSchema>;

/** Why a request failed, in words for the user, with the API's error codes. */
export const workerErrorSchema = apiErrorSchema.pick({ code: true, message: true });

export type WorkerError = z.output<typeof workerErrorSchema>;

export const workerResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    type: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(true),
    output: z.unknown(),
  }),
  z.strictObject({
    type: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(false),
    error: workerErrorSchema,
  }),
]);
export type WorkerResponse = z.output<typeof workerResponseSchema>;
