import { describe, expect, it } from 'vitest';
import {
  binaryAuc,
  classificationMetrics,
  confusionCounts,
  predictedClasses,
  regressionMetrics,
} from '../../../src/main/engine/training/metrics';

describe('metrics, checked against hand computation', () => {
  it('picks the class with the highest score, or thresholds a single score', () => {
    expect(
      Array.from(predictedClasses(Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.4, 0.1]), 3, 0.5)),
    ).toEqual([1, 0]);
    expect(Array.from(predictedClasses(Float32Array.from([0.49, 0.5, 0.9]), 1, 0.5))).toEqual([
      0, 1, 1,
    ]);
    expect(Array.from(predictedClasses(Float32Array.from([-0.2, 0, 0.3]), 1, 0))).toEqual([
      0, 1, 1,
    ]);
  });

  it('computes accuracy and macro precision, recall and F1 from a confusion matrix', () => {
    // truth:     0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    const counts = confusionCounts(
      Int32Array.from([0, 0, 0, 1, 1, 2]),
      Int32Array.from([0, 0, 1, 1, 2, 2]),
      3,
    );
    expect(counts).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    const m = classificationMetrics(counts);
    expect(m['accuracy']).toBeCloseTo(4 / 6, 10);
    // precision per class: 2/2, 1/2, 1/2 → mean 2/3; recall: 2/3, 1/2, 1/1 → mean 13/18
    expect(m['precision']).toBeCloseTo(2 / 3, 10);
    expect(m['recall']).toBeCloseTo(13 / 18, 10);
    // F1 per class: 2·1·(2/3)/(5/3) = 0.8; 0.5; 2·0.5·1/1.5 = 2/3 → mean (0.8 + 0.5 + 2/3)/3
    expect(m['f1']).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
  });

  it('gives precision 0 to a class that is never predicted', () => {
    const m = classificationMetrics(
      confusionCounts(Int32Array.from([0, 1, 2]), Int32Array.from([0, 0, 1]), 3),
    );
    // class 0: precision 1/2, recall 1; classes 1 and 2: precision 0, recall 0
    expect(m['precision']).toBeCloseTo(0.5 / 3, 10);
    expect(m['recall']).toBeCloseTo(1 / 3, 10);
  });

  it('reports the positive class’s precision, recall and F1 for two classes, as textbooks do', () => {
    // 10 examples: 4 positive (label 1), 6 negative. Predicted: TP 3, FN 1, FP 2, TN 4.
    const truth = Int32Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const predicted = Int32Array.from([1, 1, 1, 0, 1, 1, 0, 0, 0, 0]);
    const m = classificationMetrics(confusionCounts(truth, predicted, 2));
    expect(m['accuracy']).toBeCloseTo(7 / 10, 10);
    expect(m['precision']).toBeCloseTo(3 / 5, 10); // TP / (TP + FP)
    expect(m['recall']).toBeCloseTo(3 / 4, 10); // TP / (TP + FN)
    expect(m['f1']).toBeCloseTo((2 * (3 / 5) * (3 / 4)) / (3 / 5 + 3 / 4), 10); // 2/3
    // The macro average would be different: precision (4/5 + 3/5) / 2 = 0.7.
    expect(m['precision']).not.toBeCloseTo(0.7, 5);
    // Never predicting the positive class: precision 0 (nothing predicted), recall 0.
    const none = classificationMetrics(confusionCounts(truth, new Int32Array(10), 2));
    expect([none['precision'], none['recall'], none['f1']]).toEqual([0, 0, 0]);
  });

  it('computes ROC AUC as the chance a positive outscores a negative, ties counting half', () => {
    // positives score 0.9 and 0.4; negatives 0.4 and 0.1: pairs (0.9>0.4) (0.9>0.1) (0.4=0.4 → ½) (0.4>0.1)
    expect(binaryAuc([0.9, 0.4, 0.4, 0.1], Int32Array.from([1, 1, 0, 0]))).toBeCloseTo(3.5 / 4, 10);
    expect(binaryAuc([0.1, 0.2], Int32Array.from([1, 0]))).toBe(0);
    expect(binaryAuc([0.1, 0.2], Int32Array.from([1, 1]))).toBeNaN();
  });

  it('computes MAE and RMSE over every predicted number', () => {
    const m = regressionMetrics([1, 2, 3, 4], [1, 0, 3, 8]);
    expect(m['mae']).toBeCloseTo((0 + 2 + 0 + 4) / 4, 10);
    expect(m['rmse']).toBeCloseTo(Math.sqrt((0 + 4 + 0 + 16) / 4), 10);
  });
});
