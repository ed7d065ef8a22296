import { z } from 'zod';

/** The most frequent words a text data set lists for the data panel. */
export const MAX_FREQUENT_WORDS = 100;

/**
 * What a loaded data set is, for the UI and for checking it against a graph: shapes, task,
 * names, counts, and notes the user should see (skipped files, filled cells, …).
 */
export const datasetInfoSchema = z.strictObject({
  title: z.string(),
  /** classification: targets are class indices; regression: targets are numbers. */
  task: z.enum(['classification', 'regression']),
  /** One example's shape, without the batch dimension. */
  featureShape: z.array(z.number().int().min(1)),
  /** int32 for token ids (text), float32 otherwise. */
  featureType: z.enum(['float32', 'int32']),
  featureNames: z.array(z.string()).optional(),
  /** Classification: one name per class, index = label. */
  classNames: z.array(z.string()).optional(),
  /** Regression: how many numbers each example's target has. */
  targetSize: z.number().int().min(1),
  /**
   * Regression with a target of several axes (a sequence of `steps` values: [steps, 1] for
   * sequence-to-sequence); its sizes multiply to targetSize. Absent means [targetSize].
   */
  targetShape: z.array(z.number().int().min(1)).optional(),
  targetNames: z.array(z.string()).optional(),
  /** Examples available for training (and validation split off them). */
  count: z.number().int().min(0),
  /** Examples in the source's own test part, when it has one. */
  testCount: z.number().int().min(0).optional(),
  /** Text data sets: the vocabulary size the Embedding must accept. */
  vocabularySize: z.number().int().min(1).optional(),
  /**
   * Text data sets: the vocabulary's first words, most frequent first: the word with id 2,
   * then id 3, … (at most MAX_FREQUENT_WORDS), so a student sees what the tokenizer made.
   */
  frequentWords: z.array(z.string()).max(MAX_FREQUENT_WORDS).optional(),
  notes: z.array(z.string()).default([]),
});

export type DatasetInfo = z.output<typeof datasetInfoSchema>;
