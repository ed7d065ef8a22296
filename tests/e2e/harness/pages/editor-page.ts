import type { Locator, Page } from 'playwright-core';

/** One layer on the canvas, as its face words it. */
export interface CanvasNode {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** e.g. "4"; "?" when it cannot be worked out. */
  readonly outputShape: string;
  /** e.g. "12 params". */
  readonly parameters: string;
  /** The first error shown on the node, or undefined when it has none. */
  readonly error: string | undefined;
}

/**
 * The canvas editor screen: the palette on the left, the React Flow canvas, the summary bar
 * below. Tests talk to the screen through this class only.
 */
export class EditorPage {
  private constructor(readonly page: Page) {}

  /** Opens `#/editor/<templateId>` at `url` (the token URL) and waits for the canvas. */
  static async open(page: Page, url: string, templateId: string): Promise<EditorPage> {
    const address = new URL(url);
    address.hash = `#/editor/${templateId}`;
    await page.goto(address.toString());
    const editor = new EditorPage(page);
    await editor.nodes.first().waitFor();
    return editor;
  }

  get canvas(): Locator {
    return this.page.locator('.editor-canvas .react-flow');
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  async nodeCount(): Promise<number> {
    return this.nodes.count();
  }

  /** Waits until the canvas shows exactly `count` layers. */
  async waitForNodeCount(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.nodeCount()) !== count) {
      if (Date.now() > deadline) {
        throw new Error(`Expected ${count} layers on the canvas, found ${await this.nodeCount()}.`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  async node(id: string): Promise<CanvasNode> {
    const node = this.page.locator(`.react-flow__node[data-id="${id}"]`);
    await node.waitFor();
    const text = async (selector: string) =>
      (await node.locator(selector).first().textContent())?.trim() ?? '';
    const error = node.locator('.layer-node-error');
    return {
      id,
      kind: await text('.layer-node-kind'),
      name: await text('.layer-node-name'),
      outputShape: await text('.layer-node-shape'),
      parameters: await text('.layer-node-params'),
      error: (await error.count()) > 0 ? ((await error.textContent())?.trim() ?? '') : undefined,
    };
  }

  async nodeIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const node of await this.nodes.all()) ids.push((await node.getAttribute('data-id')) ?? '');
    return ids;
  }

  /** The summary bar, by label: "Layers", "Parameters", "Trainable", "Errors". */
  async summary(): Promise<Record<string, string>> {
    const figures: Record<string, string> = {};
    for (const figure of await this.page.locator('.summary-bar .summary-figure').all()) {
      const label = (await figure.locator('dt').textContent())?.trim() ?? '';
      figures[label] = (await figure.locator('dd').textContent())?.trim() ?? '';
    }
    return figures;
  }

  /** Drags the palette item titled `title` onto the canvas at (x, y) in the canvas box. */
  async dropFromPalette(title: string, at: { x: number; y: number }): Promise<void> {
    const item = this.page.locator('.palette-item', { hasText: new RegExp(`^${title}$`) });
    await item.dragTo(this.canvas, { targetPosition: at });
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+z');
  }
}
