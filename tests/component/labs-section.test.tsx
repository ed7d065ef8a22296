import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CollectDialog } from '../../src/renderer/src/labs/collect/CollectDialog';
import { LabsSection } from '../../src/renderer/src/labs/LabsSection';
import { ApiCallError } from '../../src/shared/api/client';
import type { LabGradeRow, LabSummary } from '../../src/shared/labs/lab-api';
import type { LabDocument } from '../../src/shared/labs/lab-document';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** The projects screen's Labs section and the teacher's Collect dialog, against a fake Neurite. */

const PERCEPTRON: LabSummary = {
  id: 'perceptron',
  title: 'The perceptron',
  learn: 'How a perceptron learns **AND**.',
  steps: 3,
  goals: 5,
  data: 'and',
};

const PROJECT = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'My perceptron',
  description: '',
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  lastOpenedAt: null,
  trashedAt: null,
  thumbnail: null,
  revisionCount: 1,
  runCount: 0,
  lab: { id: 'perceptron', title: 'The perceptron' },
  graph: {},
  revisionId: 1,
  settings: {},
};

function labFile(name: string, text: string): File {
  return new File([text], name, { type: 'application/yaml' });
}

describe('the Labs section', () => {
  it('lists the built-in labs and starts one under a name that defaults to its title', async () => {
    const host = new FakeHost({ 'labs.list': [PERCEPTRON], 'labs.start': PROJECT });
    renderWithHost(host, <LabsSection onNotice={() => undefined} onProblem={() => undefined} />);
    await settle();
    const card = screen.getByRole('list', { name: 'Labs to start' }).querySelector('.lab-card')!;
    expect(card.textContent).toContain('The perceptron');
    expect(card.textContent).toContain('3 steps, 5 goals');
    expect(card.querySelector('strong')?.textContent).toBe('AND');

    fireEvent.click(within(card as HTMLElement).getByRole('button', { name: 'Start' }));
    const name = screen.getByLabelText<HTMLInputElement>('Project name');
    expect(name.value).toBe('The perceptron');
    fireEvent.change(name, { target: { value: 'My perceptron' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the lab' }));
    await settle();
    expect(host.inputsOf('labs.start')).toEqual([
      { lab: { builtin: 'perceptron' }, name: 'My perceptron' },
    ]);
    expect(window.location.hash).toBe(`#/project/${PROJECT.id}/network`);
  });

  it('shows the whole of what a lab teaches on its card, and lets a long formula scroll', async () => {
    const long: LabSummary = {
      ...PERCEPTRON,
      learn: `- One.\n- Two.\n- Three.\n- Four.\n- Five.\n\n$$${'w_1 x_1 + '.repeat(30)}b$$`,
    };
    const host = new FakeHost({ 'labs.list': [long] });
    renderWithHost(host, <LabsSection onNotice={() => undefined} onProblem={() => undefined} />);
    await settle();
    const card = screen.getByRole('list', { name: 'Labs to start' }).querySelector('.lab-card')!;
    const learn = card.querySelector('.lab-card-learn')!;
    expect(learn.querySelector('.math-display > math')).not.toBeNull();

    const more = within(card as HTMLElement).getByRole('button', { name: /^More/ });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(more.getAttribute('aria-controls')!)?.contains(learn)).toBe(
      true,
    );
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toMatch(/^Less/);
    expect(learn.classList.contains('lab-card-learn-open')).toBe(true);
    fireEvent.click(more);
    expect(learn.classList.contains('lab-card-learn-open')).toBe(false);
  });

  it("shows a lab file's problems with their lines, and keeps the list as it was", async () => {
    const host = new FakeHost({
      'labs.list': [PERCEPTRON],
      'labs.read': () => {
        throw new ApiCallError({
          code: 'invalid-input',
          message:
            'The lab file "mine.yaml" cannot be used:\n- line 3, title: Required\n- line 9, step 1, goal 1, kind: unknown',
          issues: [
            { path: 'line 3, title', message: 'a lab needs a title' },
            { path: 'line 9, step 1, goal 1, kind', message: '"guess" is not a goal kind' },
          ],
        });
      },
    });
    renderWithHost(host, <LabsSection onNotice={() => undefined} onProblem={() => undefined} />);
    await settle();
    fireEvent.change(screen.getByLabelText('Lab file to open'), {
      target: { files: [labFile('mine.yaml', 'neuriteLab: 1\n')] },
    });
    await settle();

    const dialog = screen.getByRole('dialog', { name: 'This lab file cannot be used' });
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'The lab file "mine.yaml" cannot be used:',
    );
    const problems = within(dialog).getByRole('list', { name: 'Problems in the lab file' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'line 3, title: a lab needs a title',
      'line 9, step 1, goal 1, kind: "guess" is not a goal kind',
    ]);
    expect(host.inputsOf('labs.read')).toEqual([
      { fileName: 'mine.yaml', text: 'neuriteLab: 1\n' },
    ]);
    expect(
      screen.getByRole('list', { name: 'Labs to start' }).querySelectorAll('.lab-card'),
    ).toHaveLength(1);
  });

  it('adds a lab file that reads well to the list', async () => {
    const host = new FakeHost({
      'labs.list': [PERCEPTRON],
      'labs.read': () => ({
        lab: {} as never,
        summary: { ...PERCEPTRON, id: 'mine', title: 'My own lab' },
      }),
    });
    renderWithHost(host, <LabsSection onNotice={() => undefined} onProblem={() => undefined} />);
    await settle();
    fireEvent.change(screen.getByLabelText('Lab file to open'), {
      target: { files: [labFile('mine.neurite-lab.yaml', 'text')] },
    });
    await settle();
    const cards = screen.getByRole('list', { name: 'Labs to start' }).querySelectorAll('.lab-card');
    expect(cards).toHaveLength(2);
    expect(cards[1]!.textContent).toContain('From mine.neurite-lab.yaml');
  });
});

const LAB = {
  steps: [
    {
      goals: [{ id: 'and-learned', text: 'The perceptron gets all four AND rows right.' }],
    },
  ],
} as unknown as LabDocument;

function row(file: string, student: string): LabGradeRow {
  return {
    file,
    student,
    handedInAt: null,
    problem: null,
    goals: [{ id: 'and-learned', met: true, detail: 'accuracy 1' }],
    met: 1,
    total: 1,
    hintsShown: 0,
    runs: 1,
    best: null,
  };
}

describe('collecting submissions', () => {
  it('grades the picked files one after the other, a failed one as a row that says why', async () => {
    const host = new FakeHost({
      'labs.handOut': { fileName: 'perceptron.neurite-lab.yaml', base64: btoa('the lab') },
      'labs.read': (input) => {
        expect(input.text).toBe('the lab');
        return { lab: LAB, summary: PERCEPTRON };
      },
      'labs.grade': (input) => {
        if (input.submission.fileName === 'b.neurite') {
          throw new ApiCallError({ code: 'internal', message: 'The file could not be unpacked.' });
        }
        return row(input.submission.fileName, 'Ana');
      },
    });
    host.hold('labs.grade');
    renderWithHost(host, <CollectDialog builtins={[PERCEPTRON]} onClose={() => undefined} />);
    const files = [
      new File(['a'], 'a.neurite'),
      new File(['b'], 'b.neurite'),
      new File(['x'], 'notes.txt'),
    ];
    fireEvent.change(screen.getByLabelText('Submission files (.neurite)'), { target: { files } });
    await settle();

    // One at a time: the second waits for the first.
    expect(host.waiting('labs.grade')).toHaveLength(1);
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Grading 1 of 2: a.neurite…');
    host.waiting('labs.grade')[0]!.answer();
    await settle();
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Grading 2 of 2: b.neurite…');
    expect(host.inputsOf('labs.grade').map((input) => input.lab)).toEqual([
      { builtin: 'perceptron' },
      { builtin: 'perceptron' },
    ]);
    host.waiting('labs.grade')[1]!.answer();
    await settle();

    expect(screen.getAllByRole('status')[0]!.textContent).toBe(
      'Graded 1 of 2 submissions against “The perceptron”; 1 could not be read.',
    );
    const table = screen.getByRole('table', { name: 'Submissions' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]!.textContent).toContain('The file could not be unpacked.');
    // A goal's column says what the goal asks, read from the lab's own file.
    expect(within(table).getByRole('button', { name: 'and-learned' }).title).toBe(
      'The perceptron gets all four AND rows right.',
    );
  });

  it('grades the files picked again when another lab is chosen', async () => {
    const XOR: LabSummary = { ...PERCEPTRON, id: 'xor', title: 'XOR' };
    const host = new FakeHost({
      'labs.handOut': { fileName: 'lab.neurite-lab.yaml', base64: btoa('the lab') },
      'labs.read': { lab: LAB, summary: PERCEPTRON },
      'labs.grade': (input) =>
        'builtin' in input.lab && input.lab.builtin === 'xor'
          ? { ...row(input.submission.fileName, 'Ana'), met: 0, goals: [] }
          : row(input.submission.fileName, 'Ana'),
    });
    renderWithHost(host, <CollectDialog builtins={[PERCEPTRON, XOR]} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Submission files (.neurite)'), {
      target: { files: [new File(['a'], 'a.neurite')] },
    });
    await settle();
    const metCell = () =>
      within(
        within(screen.getByRole('table', { name: 'Submissions' })).getAllByRole('row')[1]!,
      ).getAllByRole('cell')[2]!.textContent;
    expect(metCell()).toBe('1/1');

    fireEvent.change(screen.getByLabelText('Lab'), { target: { value: 'xor' } });
    await settle();
    expect(host.inputsOf('labs.grade').map((input) => input.lab)).toEqual([
      { builtin: 'perceptron' },
      { builtin: 'xor' },
    ]);
    expect(metCell()).toBe('0/1');
    expect(screen.getAllByRole('status')[0]!.textContent).toBe(
      'Graded 1 submission against “XOR”.',
    );

    // A lab file not opened yet: nothing is graded against a lab that is not chosen.
    fireEvent.change(screen.getByLabelText('Lab'), { target: { value: '' } });
    await settle();
    expect(screen.queryByRole('table', { name: 'Submissions' })).toBeNull();
    expect(screen.getAllByRole('status')[0]!.textContent).toMatch(/^Open the lab file/);
  });
});
