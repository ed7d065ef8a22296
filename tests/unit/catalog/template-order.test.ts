import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  inCourseOrder,
  RECOMMENDED_TEMPLATE,
  TEMPLATE_TOPICS,
} from '../../../src/shared/catalog/template-order';

/* The gallery follows the course: every template has its place once, from the perceptron on. */

const ids = readdirSync(fileURLToPath(new URL('../../../resources/templates/', import.meta.url)))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''))
  .sort();

describe('the course order of the templates', () => {
  it('places every built-in template exactly once', () => {
    const listed = TEMPLATE_TOPICS.flatMap((entry) => entry.ids);
    expect([...listed].sort()).toEqual(ids);
    expect(new Set(listed).size).toBe(listed.length);
    expect(ids).toContain(RECOMMENDED_TEMPLATE);
  });

  it('goes from the perceptron to autoencoders, the recommended start first', () => {
    const ordered = inCourseOrder(ids.map((id) => ({ id, name: id }))).map((t) => t.id);
    expect(ordered.slice(0, 3)).toEqual([RECOMMENDED_TEMPLATE, 'perceptron', 'linear-regression']);
    expect(TEMPLATE_TOPICS[0]!.ids[0]).toBe('perceptron');
    expect(TEMPLATE_TOPICS.at(-1)!.topic).toBe('Autoencoders');
  });

  it('puts a template the course does not list after the others, by name', () => {
    const ordered = inCourseOrder([
      { id: 'zeta-new', name: 'Zeta' },
      { id: 'alpha-new', name: 'Alpha' },
      { id: 'perceptron', name: 'Perceptron' },
    ]).map((t) => t.id);
    expect(ordered).toEqual(['perceptron', 'alpha-new', 'zeta-new']);
  });
});
