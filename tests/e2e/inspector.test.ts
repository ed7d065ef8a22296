import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from './harness/fixtures';
import { InspectorPage } from './harness/pages/inspector-page';

describe('network inspector in browser mode', () => {
  test('lists the built-in networks and shows LeNet-5 layer by layer', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const inspector = await InspectorPage.open(page, server.url);

    const names = await inspector.templateNames();
    expect(names).toContain('LeNet-5');
    expect(names).toContain('XOR with a small MLP');
    expect(names.length).toBeGreaterThanOrEqual(20);

    await inspector.selectTemplate('LeNet-5');
    expect(await inspector.selectedTemplate()).toBe('LeNet-5');
    expect(await inspector.total('Parameters')).toEqual({
      value: '61,706',
      note: '61,706 learned in training',
    });
    expect(await inspector.total('Status')).toMatchObject({ value: 'Ready to train' });
    expect(await inspector.tableTotal()).toBe('61,706');

    const rows = await inspector.layerRows();
    expect(rows).toHaveLength(10);
    expect(await inspector.layerRow('C1: 6 filters 5×5')).toMatchObject({
      id: 'c1',
      kind: 'Conv2D',
      settings: '6 × 5×5 same · Tanh',
      outputShape: '28×28×6',
      parameters: '156',
      badge: undefined,
    });
    expect(rows.at(-1)).toMatchObject({ kind: 'Output', outputShape: '10' });
    expect(await inspector.issues()).toEqual([]);

    expect(existsSync(await screenshot())).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('refuses the API to a page opened without the session token', async ({ server, page }) => {
    const refusals = watchSocketErrors(page);
    await page.goto(`${server.origin}/`);
    const api = `${server.origin.replace(/^http/, 'ws')}/api`;

    // A page never learns why a handshake was refused: the socket closes abnormally (1006)
    // without opening. Chromium's console says why; for the server's 401 it words it as below.
    expect(await tryWebSocket(page, api)).toEqual({ opened: false, closeCode: 1006 });
    expect(await tryWebSocket(page, `${api}?token=not-the-token`)).toEqual({
      opened: false,
      closeCode: 1006,
    });
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) expect(refusal).toMatch(/401|HTTP Authentication failed/);

    // The same page with the printed token gets in: the refusal above is the token's doing.
    const withToken = await tryWebSocket(page, `${api}?token=${encodeURIComponent(server.token)}`);
    expect(withToken.opened).toBe(true);
  });
});

interface SocketAttempt {
  readonly opened: boolean;
  readonly closeCode: number | undefined;
}

/** Opens a WebSocket from inside the page, as the app would, and reports how it ended. */
function tryWebSocket(page: Page, url: string): Promise<SocketAttempt> {
  // A string, not a function: this file is compiled without the DOM's types.
  return page.evaluate(`new Promise((resolve) => {
    const socket = new WebSocket(${JSON.stringify(url)});
    socket.onopen = () => {
      socket.onclose = null;
      socket.close();
      resolve({ opened: true, closeCode: undefined });
    };
    socket.onclose = (event) => resolve({ opened: false, closeCode: event.code });
  })`);
}

/** Chromium's own console messages about failed WebSocket handshakes. */
function watchSocketErrors(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('WebSocket')) messages.push(message.text());
  });
  return messages;
}
