import { z } from 'zod';

/** The formats a trained model is exported to, as `neurite export --format` names them. */
export const EXPORT_FORMATS = ['tfjs'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.output<typeof exportFormatSchema>;

/** Each format in words, for buttons and messages. */
export const EXPORT_FORMAT_TITLES: Readonly<Record<ExportFormat, string>> = {
  tfjs: 'TensorFlow.js',
};
