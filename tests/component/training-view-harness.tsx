import { fireEvent, screen, type RenderResult } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { TrainingView } from '../../src/renderer/src/training/TrainingView';
import type { ProjectSettings } from '../../src/shared/api/project-settings';
import { DEFAULT_TRAINING_CONFIG } from '../../src/shared/api/project-settings';
import type { BuiltInDatasetName } from '../../src/shared/data/dataset-spec';
import type { GraphDocument } from '../../src/shared/graph/document';
import type { TrainerEvent } from '../../src/shared/training/events';
import { trainerEventSchema } from '../../src/shared/training/events';
import type { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/**
 * The Training tab as a project shows it, for tests that look at it with a fake Neurite behind.
 * Each test file still mocks Plotly itself (vi.mock is per file): the charts are not what
 * these tests look at.
 */

/** A project's settings on a built-in data set, with the default training settings. */
export function builtinSettings(
  name: BuiltInDatasetName,
  training = DEFAULT_TRAINING_CONFIG,
): ProjectSettings {
  return { data: { source: 'builtin', name }, training, backend: 'auto', template: undefined };
}

type TabProps = ComponentProps<typeof TrainingView>;

/** Renders the tab for project "p1"; props not given do nothing. */
export function renderTrainingTab(
  host: FakeHost,
  graph: GraphDocument,
  settings: ProjectSettings,
  props: Partial<TabProps> = {},
): RenderResult {
  return renderWithHost(
    host,
    <TrainingView
      projectId="p1"
      graph={graph}
      settings={settings}
      onSettingsChange={() => undefined}
      saveNow={() => Promise.resolve()}
      onChooseData={() => undefined}
      {...props}
    />,
  );
}

/** Presses Start training like a user and lets the answer arrive. */
export async function pressStart(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Start training' }));
  await settle();
}

/** Sends a trainer event for run "r1" through the schema, as main sends it. */
export async function sendTrainerEvent(host: FakeHost, event: TrainerEvent): Promise<void> {
  host.emit('training.event', {
    runId: 'r1',
    projectId: 'p1',
    event: trainerEventSchema.parse(event),
  });
  await settle();
}
