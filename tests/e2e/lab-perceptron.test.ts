import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll } from 'vitest';
import { parseLab } from '../../src/shared/labs/parse-lab';
import { tempFolder } from '../integration/data/temp-folder';
import { describe, expect, test } from './harness/fixtures';
import { LabPage } from './harness/pages/lab-page';
import { ProjectsPage } from './harness/pages/projects-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

// The built-in lab as this checkout has it: the test follows its steps, whatever their words.
const parsed = parseLab(readFileSync('resources/labs/02-perceptron.neurite-lab.yaml', 'utf8'));
if (!parsed.ok) throw new Error('The built-in perceptron lab does not parse.');
const lab = parsed.lab;
const temp = tempFolder('e2e-lab');
afterAll(() => temp.remove());

/** The step (from 1) holding a goal, and the goal. */
function find(goalId: string) {
  const index = lab.steps.findIndex((step) => step.goals.some((goal) => goal.id === goalId));
  const goal = lab.steps[index]?.goals.find((g) => g.id === goalId);
  if (!goal) throw new Error(`The perceptron lab has no goal "${goalId}".`);
  return { step: index + 1, goal };
}

describe('a lab in browser mode', () => {
  test('starts the perceptron lab, ticks goals from a run and an answer, reopens where it was left, hands in, and the teacher grades it', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    await ProjectsPage.open(page, server.url);
    const labs = new LabPage(page);
    await labs.card('perceptron').waitFor();
    expect(await labs.card('perceptron').textContent()).toContain(lab.title);
    await labs.start('perceptron');

    const workspace = await WorkspacePage.attach(page);
    expect(await workspace.projectName()).toBe(lab.title);
    await labs.panel.waitFor();
    await expect.poll(() => labs.stepHeading()).toMatch(/^Step 1 of \d+/);
    const learned = find('and-learned');
    expect(learned.step).toBe(1);
    await expect.poll(() => labs.tick('and-learned')).toBe('Not met yet');
    const total = lab.steps.reduce((sum, step) => sum + step.goals.length, 0);

    // The settings the lab locks are greyed with a padlock.
    const training = await TrainingPage.open(workspace);
    expect(await training.field('Learning rate').isDisabled()).toBe(true);
    expect(await training.field('Learning rate').getAttribute('title')).toBe('Set by the lab');
    expect(await training.panel.locator('.lab-padlock').count()).toBeGreaterThan(0);
    expect(await training.field('Epochs').isDisabled()).toBe(false);

    // Train: the first step's goal ticks once the run ends, without a reload.
    await training.start();
    await training.waitForStatus(/^Finished/);
    await expect.poll(() => labs.tick('and-learned')).toBe('Met');
    await screenshot('and-learned');
    const metAfterRun = Number(/^(\d+) of/.exec(await labs.overall())?.[1]);

    // The choice goal: the right answer ticks it.
    const why = find('why-xor');
    if (why.goal.kind !== 'choice') throw new Error('why-xor is not a choice goal.');
    await labs.goToStep(why.step);
    await expect.poll(() => labs.stepHeading()).toMatch(new RegExp(`^Step ${why.step} of`));
    expect(await labs.tick('why-xor')).toBe('Not met yet');
    await labs.answerChoice('why-xor', why.goal.answer);
    await expect.poll(() => labs.tick('why-xor')).toBe('Met');
    await expect.poll(() => labs.overall()).toBe(`${metAfterRun + 1} of ${total} goals met`);
    await screenshot('answered');

    // Main keeps the progress: a reload opens the panel on the same step, goals still met.
    await page.reload();
    await WorkspacePage.attach(page);
    await labs.panel.waitFor();
    await expect.poll(() => labs.stepHeading()).toMatch(new RegExp(`^Step ${why.step} of`));
    await expect.poll(() => labs.tick('why-xor')).toBe('Met');
    const met = Number(/^(\d+) of/.exec(await labs.overall())?.[1]);

    // The student hands in; the browser downloads the submission.
    const submission = await labs.handIn('Ada Lovelace', temp.path('ada.neurite'));
    await expect.poll(() => workspace.message()).toMatch(/^Downloaded .*Ada Lovelace.*\.neurite\./);

    // The teacher collects it against the same lab: Neurite re-checks every goal.
    await page.getByRole('link', { name: 'All projects' }).click();
    await ProjectsPage.attach(page);
    const collect = await labs.openCollect();
    await collect.getByRole('combobox', { name: 'Lab' }).selectOption({ label: lab.title });
    await collect.getByLabel('Submission files (.neurite)').setInputFiles(submission);
    await expect
      .poll(() => collect.getByRole('status').first().textContent(), { timeout: 45_000 })
      .toMatch(/^Graded 1 submission /);
    const [header, row] = await labs.gradeTable(collect);
    const cell = (title: string) => row![header!.findIndex((h) => h.startsWith(title))];
    expect(cell('Student')).toBe('Ada Lovelace');
    expect(cell('and-learned')).toBe('✓');
    expect(cell('why-xor')).toBe('✓');
    expect(cell('Goals met')).toBe(`${met}/${total}`);
    expect(cell('Accuracy')).toBe('100.0%');
    expect(cell('Claimed accuracy')).toBe('100.0%');
    await expect
      .poll(() => collect.getByRole('button', { name: 'why-xor' }).getAttribute('title'))
      .toBe(why.goal.text);
    await screenshot('collected');

    const csvDownload = page.waitForEvent('download');
    await collect.getByRole('button', { name: 'Export CSV' }).click();
    const csvFile = temp.path('grades.csv');
    await (await csvDownload).saveAs(csvFile);
    const csv = Papa.parse<string[]>(readFileSync(csvFile, 'utf8').trim()).data;
    expect(csv[0]).toContain('why-xor');
    expect(csv[0]?.slice(0, 2)).toEqual(['file', 'student']);
    expect(csv[1]?.[1]).toBe('Ada Lovelace');

    expect(pageErrors).toEqual([]);
  });
});
