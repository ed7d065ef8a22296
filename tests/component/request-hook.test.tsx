import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useApiEvent, useApiQuery } from '../../src/renderer/src/api';
import type { RunSummary } from '../../src/shared/api/records';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** A screen that lists a project's runs by name, as PastRuns does. */
function RunNames({ projectId }: { readonly projectId: string }) {
  const runs = useApiQuery('runs.list', { projectId });
  useApiEvent('project.changed', (event) => {
    if (event.projectId === projectId) runs.reload();
  });
  if (runs.error !== undefined) return <p role="alert">failed</p>;
  return (
    <p role="status" aria-busy={runs.loading}>
      {runs.data ? runs.data.map((run) => run.id).join(', ') : 'loading'}
    </p>
  );
}

const runsOf = (...ids: string[]) => ids.map((id) => ({ id }) as unknown as RunSummary);

describe('useApiQuery', () => {
  it('keeps the newer answer when a slow first answer arrives after a fast second one', async () => {
    const host = new FakeHost().hold('runs.list');
    const view = renderWithHost(host, <RunNames projectId="first" />);
    view.rerender(<RunNames projectId="second" />);
    const [first, second] = host.waiting('runs.list');
    expect(host.inputsOf('runs.list')).toEqual([{ projectId: 'first' }, { projectId: 'second' }]);

    second!.answer(runsOf('b1', 'b2'));
    await settle();
    expect(screen.getByRole('status').textContent).toBe('b1, b2');
    first!.answer(runsOf('a1'));
    await settle();
    expect(screen.getByRole('status').textContent).toBe('b1, b2');
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('false');
  });

  it('shows that it is loading, then the answer', async () => {
    const host = new FakeHost().hold('runs.list');
    renderWithHost(host, <RunNames projectId="p" />);
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('true');
    host.waiting('runs.list')[0]!.answer(runsOf('r1'));
    await settle();
    expect(screen.getByRole('status').textContent).toBe('r1');
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('false');
  });

  it('asks again on an event and shows the new answer; a failure shows as an error', async () => {
    let answer = runsOf('r1');
    const host = new FakeHost({ 'runs.list': () => answer });
    renderWithHost(host, <RunNames projectId="p" />);
    expect((await screen.findByText('r1')).getAttribute('role')).toBe('status');

    answer = runsOf('r1', 'r2');
    act(() => host.emit('project.changed', { projectId: 'p' }));
    expect(await screen.findByText('r1, r2')).toBeTruthy();

    host.answer('runs.list', () => {
      throw new Error('gone');
    });
    act(() => host.emit('project.changed', { projectId: 'p' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(host.inputsOf('runs.list')).toHaveLength(3);
  });

  it('stops listening to events when the screen closes', () => {
    const host = new FakeHost().hold('runs.list');
    const view = renderWithHost(host, <RunNames projectId="p" />);
    expect(host.listenerCount('project.changed')).toBe(1);
    view.unmount();
    expect(host.listenerCount('project.changed')).toBe(0);
  });
});
