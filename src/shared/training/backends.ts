import { z } from 'zod';

/** TF.js backends, best first. */
export const BACKENDS = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BACKEND_TITLES: Readonly<Record<BackendName, string>> = {
  'tensorflow-gpu': 'GPU (TensorFlow with CUDA)',
  tensorflow: 'CPU (TensorFlow native)',
  wasm: 'CPU (WebAssembly, SIMD)',
  cpu: 'CPU (plain JavaScript)',
};

export const backendChoiceSchema = z.enum(['auto', ...BACKENDS]).default('auto');
export type BackendChoice = z.output<typeof backendChoiceSchema>;

export const backendReportSchema = z.strictObject({
  /** The backend that runs. */
  active: z.enum(BACKENDS),
  /** Every backend tried, in order, with why it was not used (absent for the active one). */
  tried: z.array(
    z.strictObject({
      backend: z.enum(BACKENDS),
      available: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
});
export type BackendReport = z.output<typeof backendReportSchema>;
