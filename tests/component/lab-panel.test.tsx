import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DataPanel } from '../../src/renderer/src/data/DataPanel';
import { LabPanel } from '../../src/renderer/src/labs/LabPanel';
import { useLabStatus } from '../../src/renderer/src/labs/use-lab-status';
import { TrainingForm } from '../../src/renderer/src/training/form/TrainingForm';
import { lockedFieldTest } from '../../src/renderer/src/labs/locked-settings';
import { draftFromConfig } from '../../src/renderer/src/training/model/form-fields';
import { DEFAULT_TRAINING_CONFIG } from '../../src/shared/api/project-settings';
import type { LabStatus } from '../../src/shared/labs/lab-api';
import { labGoals } from '../../src/shared/labs/lab-document';
import { EMPTY_PROGRESS, type LabProgress } from '../../src/shared/labs/lab-progress';
import { parseLab } from '../../src/shared/labs/parse-lab';
import { chain } from '../fixtures/build-graph';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** The lab panel against a fake Neurite, with a small perceptron lab of its own. */

const LAB_FILE = `
neuriteLab: 1
id: perceptron
title: The perceptron
learn: How a perceptron learns AND and OR, and why not XOR.
start: { template: perceptron }
data: { source: builtin, name: and }
settings: { epochs: 30, batchSize: 1, optimizer: { type: sgd, learningRate: 0.1 } }
locked: [batchSize, optimizer, learningRate]
steps:
  - title: Learn AND
    instructions: |
      AND is 1 only when both inputs are 1. Press **Train** in the Training tab.
      <b>Raw HTML</b> stays text.
    goals:
      - { id: and-learned, kind: metric, data: and, metric: accuracy, part: train, atLeast: 1,
          text: The perceptron gets all four AND rows right. }
      - { id: one-step-unit, kind: activation, is: step, layer: Dense,
          text: The network is still one unit with a step activation. }
  - title: Learn OR
    instructions: Choose the **OR** gate in the Data tab and train again.
    goals:
      - { id: or-learned, kind: metric, data: or, metric: accuracy, part: train, atLeast: 1,
          text: The perceptron gets all four OR rows right. }
  - title: XOR cannot be learnt
    instructions: Choose **XOR** and train.
    hints:
      - Plot the four points of XOR.
    goals:
      - { id: xor-tried, kind: runs, data: xor, atLeast: 1, text: You trained on XOR. }
      - id: why-xor
        kind: choice
        text: Why does the perceptron fail on XOR?
        choices:
          - It needs more epochs.
          - No straight line separates XOR's two classes.
          - The learning rate is too small.
        answer: 1
`;

const parsed = parseLab(LAB_FILE);
if (!parsed.ok)
  throw new Error(`The test's lab does not parse: ${JSON.stringify(parsed.problems)}`);
const lab = parsed.lab;
const PROJECT = '00000000-0000-4000-8000-000000000001';

function statusOf(progress: Partial<LabProgress> = {}, met: readonly string[] = []): LabStatus {
  return {
    lab,
    progress: { ...EMPTY_PROGRESS, ...progress },
    goals: labGoals(lab).map(({ goal }) => ({
      id: goal.id,
      met: met.includes(goal.id),
      detail: met.includes(goal.id) ? `${goal.id}: seen` : `${goal.id}: not yet`,
    })),
    notes: [],
  };
}

function Panel() {
  const state = useLabStatus(PROJECT);
  return (
    <LabPanel
      projectId={PROJECT}
      title={lab.title}
      lab={state}
      collapsed={false}
      onCollapsedChange={() => undefined}
      saveNow={() => Promise.resolve()}
      onMessage={() => undefined}
    />
  );
}

async function renderPanel(host: FakeHost) {
  renderWithHost(host, <Panel />);
  await settle();
  return screen.getByRole('complementary', { name: 'Lab' });
}

const goalItem = (goalText: RegExp) =>
  screen.getAllByRole('listitem').find((item) => goalText.test(item.textContent ?? ''))!;
/** A goal's tick as a screen reader says it: 'Met' or 'Not met yet'. */
const markOf = (goal: HTMLElement) => within(goal).getByRole('img').getAttribute('aria-label');
const goalMark = (goalText: RegExp) => markOf(goalItem(goalText));

describe('the lab panel', () => {
  it("shows the step's goals with Neurite's ticks, never a checkbox, and the overall count", async () => {
    const host = new FakeHost({ 'labs.status': statusOf({}, ['one-step-unit']) });
    const panel = await renderPanel(host);

    expect(within(panel).getByRole('heading', { name: /Step 1 of 3: Learn AND/ })).toBeTruthy();
    expect(within(panel).getByRole('status', { name: 'Lab progress' }).textContent).toBe(
      '1 of 5 goals met',
    );
    const goals = within(within(panel).getByRole('list', { name: 'Goals' })).getAllByRole(
      'listitem',
    );
    expect(goals).toHaveLength(2);
    expect(markOf(goals[0]!)).toBe('Not met yet');
    expect(goals[0]!.textContent).toContain('and-learned: not yet');
    expect(markOf(goals[1]!)).toBe('Met');
    expect(within(panel).queryAllByRole('checkbox')).toHaveLength(0);
    // Markdown: the instructions' **Train** is bold, and the lab cannot inject HTML.
    expect(panel.querySelector('.lab-instructions strong')?.textContent).toBe('Train');
    expect(panel.querySelector('.lab-instructions b')).toBeNull();
    expect(panel.textContent).toContain('<b>Raw HTML</b> stays text.');
  });

  it('ticks a goal live when a run of the project finishes', async () => {
    const host = new FakeHost({ 'labs.status': statusOf() });
    await renderPanel(host);
    expect(goalMark(/all four AND rows/)).toBe('Not met yet');

    host.answer('labs.status', statusOf({}, ['and-learned']));
    host.emit('training.event', {
      runId: '00000000-0000-4000-8000-000000000002',
      projectId: PROJECT,
      event: { type: 'finished', epochsRun: 30 } as never,
    });
    await settle();
    expect(goalMark(/all four AND rows/)).toBe('Met');
  });

  it('answers a choice goal with labs.answer and shows the new status', async () => {
    const host = new FakeHost({
      'labs.status': statusOf({ step: 2 }),
      'labs.answer': statusOf({ step: 2, answers: { 'why-xor': 1 } }, ['why-xor']),
    });
    const panel = await renderPanel(host);
    expect(within(panel).getByRole('heading', { name: /Step 3 of 3/ })).toBeTruthy();

    const choices = within(panel).getByRole('group', { name: 'Your answer' });
    fireEvent.click(within(choices).getByRole('radio', { name: /No straight line separates/ }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Check' }));
    await settle();

    expect(host.inputsOf('labs.answer')).toEqual([
      { projectId: PROJECT, goalId: 'why-xor', answer: 1 },
    ]);
    expect(goalMark(/Why does the perceptron fail/)).toBe('Met');
  });

  it("says a refused answer in Neurite's words", async () => {
    const host = new FakeHost({
      'labs.status': statusOf({ step: 2 }),
      'labs.answer': () => {
        throw refuse('Pick one of the 3 choices (counted from 0).');
      },
    });
    const panel = await renderPanel(host);
    fireEvent.click(within(panel).getAllByRole('radio')[0]!);
    fireEvent.click(within(panel).getByRole('button', { name: 'Check' }));
    await settle();
    expect(within(panel).getByRole('alert').textContent).toContain('Pick one of the 3 choices');
  });

  it('opens hints one at a time, through labs.progress', async () => {
    const host = new FakeHost({
      'labs.status': statusOf({ step: 2 }),
      'labs.progress': (input) => statusOf({ step: input.step, hintsShown: { '2': 1 } }),
    });
    const panel = await renderPanel(host);
    expect(within(panel).queryByText(/Plot the four points/)).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: /Show a hint/ }));
    await settle();
    expect(host.inputsOf('labs.progress')).toEqual([
      { projectId: PROJECT, step: 2, hintShown: true },
    ]);
    expect(within(panel).getByText(/Plot the four points/)).toBeTruthy();
    // That step has one hint: no more to ask for.
    expect(within(panel).queryByRole('button', { name: /hint/ })).toBeNull();
  });

  it('moves between steps through labs.progress and reopens on the saved step', async () => {
    const host = new FakeHost({
      'labs.status': statusOf({ step: 1 }),
      'labs.progress': (input) => statusOf({ step: input.step }),
    });
    const panel = await renderPanel(host);
    expect(within(panel).getByRole('heading', { name: /Step 2 of 3: Learn OR/ })).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'Next step' }));
    await settle();
    expect(host.inputsOf('labs.progress')).toEqual([
      { projectId: PROJECT, step: 2, hintShown: false },
    ]);
    expect(within(panel).getByRole('heading', { name: /Step 3 of 3/ })).toBeTruthy();
  });

  it('opens a new step at its title, scrolled back up from where the student had read', async () => {
    const host = new FakeHost({
      'labs.status': statusOf({ step: 0 }),
      'labs.progress': (input) => statusOf({ step: input.step }),
    });
    const panel = await renderPanel(host);
    panel.scrollTop = 400;
    fireEvent.click(within(panel).getByRole('button', { name: 'Next step' }));
    await settle();
    expect(within(panel).getByRole('heading', { name: /Step 2 of 3/ })).toBeTruthy();
    expect(panel.scrollTop).toBe(0);

    panel.scrollTop = 300;
    fireEvent.click(within(panel).getByRole('button', { name: /XOR cannot be learnt/ }));
    await settle();
    expect(within(panel).getByRole('heading', { name: /Step 3 of 3/ })).toBeTruthy();
    expect(panel.scrollTop).toBe(0);
  });

  it("renders what Neurite saw as Markdown with formulas, as the goal's own text", async () => {
    const seen = statusOf({ step: 2 });
    const host = new FakeHost({
      'labs.status': {
        ...seen,
        goals: seen.goals.map((goal) =>
          goal.id === 'why-xor'
            ? { ...goal, detail: '“No line puts $(0, 1)$ and **(1, 0)** apart” is right.' }
            : goal,
        ),
      },
    });
    await renderPanel(host);
    const detail = goalItem(/Why does the perceptron fail/).querySelector('.lab-goal-detail')!;
    expect(detail.querySelector('math')).not.toBeNull();
    expect(detail.querySelector('strong')?.textContent).toBe('(1, 0)');
    expect(detail.textContent).not.toContain('$');
  });

  it('says when a step is done and what comes next, and when the whole lab is', async () => {
    const host = new FakeHost({
      'labs.status': statusOf({}, ['and-learned', 'one-step-unit']),
    });
    const panel = await renderPanel(host);
    expect(panel.querySelector('.lab-done')?.textContent).toBe(
      'Every goal of this step is met. Next step: Learn OR.',
    );
    expect(within(panel).getByRole('list', { name: 'Steps' }).textContent).toContain('✓');

    host.answer(
      'labs.status',
      statusOf(
        {},
        labGoals(lab).map(({ goal }) => goal.id),
      ),
    );
    host.emit('project.changed', { projectId: PROJECT });
    await settle();
    expect(panel.querySelector('.lab-done')?.textContent).toMatch(/^You have met every goal/);
  });

  it('renders formulas as MathML', async () => {
    const host = new FakeHost({
      'labs.status': {
        ...statusOf(),
        lab: {
          ...lab,
          steps: [{ ...lab.steps[0]!, instructions: 'The rule $w \\leftarrow w + \\eta x$.' }],
        },
      },
    });
    const panel = await renderPanel(host);
    expect(panel.querySelector('.lab-instructions math')).not.toBeNull();
  });
});

describe('settings a lab locks', () => {
  it('are disabled in the training form, with a padlock that says so', () => {
    const draft = draftFromConfig(DEFAULT_TRAINING_CONFIG);
    renderWithHost(
      new FakeHost(),
      <TrainingForm
        draft={draft}
        defaults={draft}
        errors={{}}
        onChange={vi.fn()}
        backend="auto"
        onBackendChange={vi.fn()}
        disabled={false}
        isLocked={lockedFieldTest(lab.locked)}
      />,
    );
    const field = (label: RegExp) => screen.getByLabelText<HTMLInputElement>(label);
    expect(field(/^Batch size/).disabled).toBe(true);
    expect(field(/^Learning rate$/).disabled).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: /^Optimizer/ }).disabled).toBe(
      true,
    );
    expect(field(/^Epochs/).disabled).toBe(false);
    // The field's name stays its label; the field and its padlock say why it is greyed.
    expect(field(/^Batch size/).getAttribute('title')).toBe('Set by the lab');
    expect(field(/^Learning rate$/).getAttribute('aria-description')).toBe('Set by the lab');
    expect(field(/^Epochs/).getAttribute('title')).toBeNull();
    const padlocks = document.querySelectorAll('.lab-padlock');
    expect(padlocks.length).toBeGreaterThanOrEqual(3);
    expect(padlocks[0]!.getAttribute('title')).toBe('Set by the lab');
  });

  it("include the data set: the data panel's choice is disabled and says why", async () => {
    const graph = chain(
      { form: 'vector', shape: [2] },
      [['Dense', { units: 1, activation: 'step' }]],
      { task: 'classification', loss: 'meanSquaredError' },
    );
    const host = new FakeHost({
      'app.info': { version: '0.1.0', dataDir: '/data', transport: 'websocket', notices: [] },
      'datasets.builtins': [
        {
          name: 'and',
          title: 'AND gate',
          description: 'The four rows of AND.',
          task: 'classification',
          featureShape: [2],
          count: 4,
          source: 'Made by Neurite.',
          licence: 'MIT.',
        },
      ],
      'datasets.preview': () => new Promise(() => undefined),
    });
    renderWithHost(
      host,
      <DataPanel
        graph={graph}
        value={{ source: 'builtin', name: 'and' }}
        onChange={vi.fn()}
        locked
      />,
    );
    const card = await screen.findByRole('button', { name: /AND gate/ });
    // A disabled fieldset disables every control in it (the browser's rule; happy-dom does not
    // apply it, so the test looks at the fieldset).
    const choice = card.closest('fieldset');
    expect(choice?.disabled).toBe(true);
    expect(choice?.contains(screen.getByRole('tab', { name: 'Import your own' }))).toBe(true);
    expect(screen.getByRole('img', { name: 'Set by the lab' })).toBeTruthy();
    expect(screen.getByText(/The lab sets the data set/)).toBeTruthy();
  });

  it('leave the learning rate free when only the optimizer is locked', () => {
    const locked = lockedFieldTest(['optimizer']);
    expect(locked('optimizer.type')).toBe(true);
    expect(locked('optimizer.momentum')).toBe(true);
    expect(locked('optimizer.learningRate')).toBe(false);
    expect(locked('epochs')).toBe(false);
  });
});
