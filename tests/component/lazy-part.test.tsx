import { fireEvent, render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyPart } from '../../src/renderer/src/components/LazyPart';
import { settle } from './render-with-host';

/** A lazily loaded part of the page whose file is gone after Neurite was updated. */

const Missing = lazy(() =>
  Promise.reject(
    new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1:5173/assets/LabPanel-1a2b3c.js',
    ),
  ),
);

const Loaded = lazy(() => Promise.resolve({ default: () => <p>The lab panel</p> }));

afterEach(() => vi.restoreAllMocks());

describe('a lazily loaded part of the page', () => {
  it('says Neurite was updated and offers Reload when its file is gone, not a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(
      <main>
        <h1>The workspace</h1>
        <LazyPart fallback={<p>Loading…</p>}>
          <Missing />
        </LazyPart>
      </main>,
    );
    await settle();
    expect(screen.getByRole('alert').textContent).toContain(
      'Neurite was updated while this page was open. Reload the page to go on.',
    );
    // The rest of the page stays.
    expect(screen.getByRole('heading', { name: 'The workspace' })).toBeTruthy();

    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      ...window.location,
      reload,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('shows the part once it has loaded', async () => {
    render(
      <LazyPart fallback={<p>Loading…</p>}>
        <Loaded />
      </LazyPart>,
    );
    await settle();
    expect(screen.getByText('The lab panel')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
