/**
 * Words the built-in labs set in bold that are no name on the page: the course's terms, a
 * quotation's own bold, a word stressed. builtin-lab-text.test.tsx checks every other bold
 * name against the buttons, tabs and headings the page's source holds; a name of the page
 * never belongs here.
 */
export const BOLD_TERMS: ReadonlySet<string> = new Set([
  // Terms of the course, in the labs' "learn" lists and explanations.
  'all five',
  'basic block',
  'biases',
  'cell state',
  'clean',
  'column',
  'confusion matrix',
  'connections',
  'deep autoencoder',
  'deep plain stack',
  'denoising',
  'F1',
  'gates',
  'gradient descent (SGD)',
  'hidden state',
  'k-fold cross-validation',
  'latent space',
  'mean absolute error',
  'outlier score',
  'reconstruction error',
  'skip connection',
  'two',
  'vanishing gradient',
  '1 × 1 convolution with stride 2',
  // The course notes' own bold, quoted.
  'Max Pooling:',
]);
