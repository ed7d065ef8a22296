/**
 * The built-in templates in the order the course teaches them: from the perceptron, by topic,
 * to autoencoders. The gallery shows them so, after the recommended starting point; a
 * template not listed here (one added later) comes at the end of its gallery, by name.
 */
export const TEMPLATE_TOPICS: readonly {
  readonly topic: string;
  readonly ids: readonly string[];
}[] = [
  {
    topic: 'Single units and small networks',
    ids: [
      'perceptron',
      'linear-regression',
      'logistic-regression',
      'softmax-regression',
      'xor-mlp',
      'dense-3-5-2',
      'mnist-deep-mlp',
    ],
  },
  {
    topic: 'Convolutional networks',
    ids: [
      'conv-relu-pool',
      'mnist-small-cnn',
      'lenet-5',
      'alexnet-small',
      'vgg-block',
      'resnet-basic-block',
      'inception-block',
      'text-cnn',
    ],
  },
  {
    topic: 'Recurrent networks',
    ids: [
      'simple-rnn-sequence',
      'lstm-sequence',
      'gru-sequence',
      'text-lstm',
      'text-gru',
      'text-bilstm',
      'seq2seq-encoder-decoder',
    ],
  },
  {
    topic: 'Autoencoders',
    ids: ['deep-autoencoder', 'denoising-autoencoder', 'conv-autoencoder'],
  },
];

/** Where a first-year student should begin: it trains in seconds and shows a hidden layer. */
export const RECOMMENDED_TEMPLATE = 'xor-mlp';

/** The topic of a template in the course, or "Other networks" for one the course does not list. */
export function templateTopic(id: string): string {
  return TEMPLATE_TOPICS.find((entry) => entry.ids.includes(id))?.topic ?? 'Other networks';
}

/**
 * Templates in gallery order: the recommended one first, then the course's order, then any
 * others by name.
 */
export function inCourseOrder<T extends { readonly id: string; readonly name: string }>(
  templates: readonly T[],
): T[] {
  const rank = (id: string): number => {
    if (id === RECOMMENDED_TEMPLATE) return -1;
    const order = TEMPLATE_TOPICS.flatMap((entry) => entry.ids);
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return [...templates].sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name));
}
