import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NewProjectDialog } from '../../src/renderer/src/projects/NewProjectDialog';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/* The New project gallery: the recommended start first, then the course's topics, with a
   picture of each network. */

const template = (
  id: string,
  name: string,
  topic: string,
  layers: string[],
  recommended = false,
) => ({ id, name, description: `${name}.`, topic, recommended, layers });

describe('the template gallery', () => {
  it('shows the recommended start first, then each topic of the course under its heading', async () => {
    const host = new FakeHost({
      'templates.list': [
        template(
          'xor-mlp',
          'XOR with a small MLP',
          'Single units and small networks',
          ['Input', 'Dense', 'Dense', 'Output'],
          true,
        ),
        template('perceptron', 'Perceptron', 'Single units and small networks', [
          'Input',
          'Dense',
          'Output',
        ]),
        template('lenet-5', 'LeNet-5', 'Convolutional networks', [
          'Input',
          'Conv2D',
          'AvgPool2D',
          'Output',
        ]),
      ],
    });
    renderWithHost(
      host,
      <NewProjectDialog onClose={() => undefined} onCreated={() => undefined} />,
    );
    await settle();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Single units and small networks',
      'Convolutional networks',
    ]);
    const options = screen.getAllByRole('radio').map((radio) => radio.closest('label')!);
    expect(options.map((o) => o.querySelector('.template-option-name')!.textContent)).toEqual([
      'Empty network',
      'XOR with a small MLP Start here',
      'Perceptron',
      'LeNet-5',
    ]);
    // A block per layer, in the layer's canvas colour.
    const lenet = options[3]!.querySelectorAll('.template-picture rect');
    expect(lenet).toHaveLength(4);
    expect(lenet[1]!.getAttribute('fill')).not.toBe(lenet[0]!.getAttribute('fill'));
  });
});
