/**
 * Which precision, recall and F1 a run reports. With two classes they are the textbook
 * figures of the positive class (the second class, label 1: "spam", "yes", "1"), as the
 * course defines them; with more classes there is no positive class, so they are averaged
 * over the classes, each class weighing the same (macro average), and labelled so.
 */
export type ClassMetricAveraging =
  | { readonly kind: 'positive-class'; readonly positiveClass: string }
  | { readonly kind: 'macro'; readonly classes: number };

/** The metrics that depend on the averaging. */
export const PER_CLASS_METRICS: ReadonlySet<string> = new Set(['precision', 'recall', 'f1']);

export function classMetricAveraging(classNames: readonly string[]): ClassMetricAveraging {
  return classNames.length === 2
    ? { kind: 'positive-class', positiveClass: classNames[1]! }
    : { kind: 'macro', classes: classNames.length };
}

/** What to add to a metric's name: `class "yes"`, or `macro average`. */
export function averagingLabel(averaging: ClassMetricAveraging): string {
  return averaging.kind === 'positive-class'
    ? `class "${averaging.positiveClass}"`
    : 'macro average';
}

/** The sentence a run's notes say about it. */
export function averagingSentence(averaging: ClassMetricAveraging): string {
  return averaging.kind === 'positive-class'
    ? `Precision, recall and F1 are those of the positive class "${averaging.positiveClass}" (the second class, label 1).`
    : `Precision, recall and F1 are macro averages: each is worked out for every one of the ${averaging.classes} classes, then averaged with each class counting the same.`;
}
