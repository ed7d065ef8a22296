import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiProvider } from '../../src/renderer/src/api';
import type { FakeHost } from '../fixtures/fake-host';

/** Renders a piece of the page as the app does, with `host` as the Neurite it talks to. */
export function renderWithHost(host: FakeHost, ui: ReactElement): RenderResult {
  return render(ui, {
    wrapper: ({ children }) => <ApiProvider client={host}>{children}</ApiProvider>,
  });
}

/** Lets answers already released reach the screen (React updates included). */
export function settle(): Promise<void> {
  return act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}
