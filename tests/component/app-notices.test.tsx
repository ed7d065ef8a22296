import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppNotices } from '../../src/renderer/src/components/AppNotices';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/* Messages from Neurite itself reach the user on any screen, and stay until dismissed. */

const info = (notices: string[]) => ({
  version: '0.1.0',
  dataDir: '/data',
  transport: 'websocket' as const,
  notices,
});

describe('AppNotices', () => {
  it('shows the start-up notices, a failure reported later, and lets each be dismissed', async () => {
    const host = new FakeHost({ 'app.info': info(['The database was damaged and set aside.']) });
    renderWithHost(host, <AppNotices />);
    await settle();
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'The database was damaged and set aside.×',
    ]);

    act(() => host.emit('app.problem', { message: 'Something went wrong inside Neurite (boom).' }));
    act(() => host.emit('app.problem', { message: 'Something went wrong inside Neurite (boom).' }));
    expect(screen.getAllByRole('alert')).toHaveLength(2);

    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss this message' })[0]!);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Something went wrong inside Neurite (boom).×',
    ]);
  });

  it('shows nothing when there is nothing to say, even when app.info cannot answer', async () => {
    const host = new FakeHost();
    renderWithHost(host, <AppNotices />);
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
