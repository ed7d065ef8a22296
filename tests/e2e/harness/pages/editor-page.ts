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
  /** The tooltip of the frozen mark, or undefined when the layer learns. */
  readonly frozen: string | undefined;
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

  /** Attaches to a page already showing the editor (a project's Network tab). */
  static async attach(page: Page): Promise<EditorPage> {
    const editor = new EditorPage(page);
    await editor.page.locator('.editor-canvas .react-flow').waitFor({ timeout: 10_000 });
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
    const frozen = node.getByRole('img', { name: 'frozen' });
    return {
      id,
      kind: await text('.layer-node-kind'),
      name: await text('.layer-node-name'),
      outputShape: await text('.layer-node-shape'),
      parameters: await text('.layer-node-params'),
      error: (await error.count()) > 0 ? ((await error.textContent())?.trim() ?? '') : undefined,
      frozen: (await frozen.count()) > 0 ? ((await frozen.getAttribute('title')) ?? '') : undefined,
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

  /** Drags the palette item onto the canvas, or presses it (Enter) to add one mid-view. */
  async addFromPalette(title: string): Promise<void> {
    await this.paletteItem(title).press('Enter');
  }

  paletteItem(title: string): Locator {
    return this.page
      .getByRole('button', { name: title, exact: true })
      .and(this.page.locator('.palette-item'));
  }

  node$(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Layers not wholly inside the visible canvas, by id. */
  async layersOutOfView(): Promise<string[]> {
    const view = await this.canvas.boundingBox();
    if (!view) throw new Error('The canvas is not on screen.');
    const outside: string[] = [];
    for (const node of await this.nodes.all()) {
      const box = await node.boundingBox();
      const inside =
        box !== null &&
        box.x >= view.x &&
        box.y >= view.y &&
        box.x + box.width <= view.x + view.width &&
        box.y + box.height <= view.y + view.height;
      if (!inside) outside.push((await node.getAttribute('data-id')) ?? '?');
    }
    return outside;
  }

  /** Each layer's box on screen, by id. */
  async cardBoxes(): Promise<Map<string, { x: number; y: number; width: number; height: number }>> {
    const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const node of await this.nodes.all()) {
      const box = await node.boundingBox();
      if (box) boxes.set((await node.getAttribute('data-id')) ?? '?', box);
    }
    return boxes;
  }

  /** Pairs of layers whose cards cover each other on screen, as "a/b"; empty when none do. */
  async overlappingCards(): Promise<string[]> {
    const boxes = [...(await this.cardBoxes())];
    const pairs: string[] = [];
    boxes.forEach(([a, p], i) => {
      for (const [b, q] of boxes.slice(i + 1)) {
        const cover =
          p.x < q.x + q.width &&
          q.x < p.x + p.width &&
          p.y < q.y + q.height &&
          q.y < p.y + p.height;
        if (cover) pairs.push(`${a}/${b}`);
      }
    });
    return pairs;
  }

  /** Clicks a layer, selecting it alone. */
  async selectNode(id: string): Promise<void> {
    await this.node$(id).click();
  }

  /** Clicks empty canvas (top-left corner of the view): clears the selection. */
  async clickEmptyCanvas(): Promise<void> {
    await this.page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  }

  /** Where a layer sits on the canvas, in canvas coordinates. */
  async position(id: string): Promise<{ x: number; y: number }> {
    const transform = (await this.node$(id).getAttribute('style')) ?? '';
    const match = /translate\((-?[\d.]+)px, *(-?[\d.]+)px\)/.exec(transform);
    if (!match) throw new Error(`Layer ${id} has no position in its style: ${transform}`);
    return { x: Number(match[1]), y: Number(match[2]) };
  }

  /** Drags a layer by (dx, dy) screen pixels with the mouse, in several steps. */
  async dragNode(id: string, by: { x: number; y: number }): Promise<void> {
    const box = await this.node$(id).boundingBox();
    if (!box) throw new Error(`Layer ${id} is not on screen.`);
    const start = { x: box.x + box.width / 2, y: box.y + 12 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (let step = 1; step <= 10; step += 1) {
      await this.page.mouse.move(start.x + (by.x * step) / 10, start.y + (by.y * step) / 10);
    }
    await this.page.mouse.up();
  }

  /**
   * Draws a connection with the mouse, from a layer's output dot to another layer's input dot
   * (`port` picks one of several inputs, e.g. "in2" of an Add).
   */
  async connect(source: string, target: string, port?: string): Promise<void> {
    const from = this.node$(source).locator('.react-flow__handle.source').first();
    const to = port
      ? this.node$(target).locator(`.react-flow__handle.target[data-handleid="${port}"]`)
      : this.node$(target).locator('.react-flow__handle.target').first();
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error(`Cannot see the dots to connect ${source} to ${target}.`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    for (let step = 1; step <= 8; step += 1) {
      await this.page.mouse.move(
        a.x + a.width / 2 + ((end.x - a.x - a.width / 2) * step) / 8,
        a.y + a.height / 2 + ((end.y - a.y - a.height / 2) * step) / 8,
      );
    }
    await this.page.mouse.up();
  }

  /**
   * Drags a connection from a layer's output dot to a point on screen and holds it there
   * (mouse still down); `release` lets it go.
   */
  async dragConnectionTo(
    source: string,
    to: { x: number; y: number },
  ): Promise<{ release: () => Promise<void> }> {
    const from = await this.node$(source)
      .locator('.react-flow__handle.source')
      .first()
      .boundingBox();
    if (!from) throw new Error(`Cannot see the output dot of ${source}.`);
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (let step = 1; step <= 8; step += 1) {
      await this.page.mouse.move(
        start.x + ((to.x - start.x) * step) / 8,
        start.y + ((to.y - start.y) * step) / 8,
      );
    }
    return { release: () => this.page.mouse.up() };
  }

  /** Draws a connection from a layer's output dot and lets it go in the middle of `target`. */
  async connectOntoLayer(source: string, target: string): Promise<void> {
    const box = await this.node$(target).boundingBox();
    if (!box) throw new Error(`Cannot see ${target}.`);
    const drag = await this.dragConnectionTo(source, {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    await drag.release();
  }

  /** The connections drawn, as "source→target", in the order React Flow draws them. */
  async links(): Promise<string[]> {
    const links: string[] = [];
    for (const edge of await this.page.locator('.react-flow__edge').all()) {
      const label = (await edge.getAttribute('aria-label')) ?? '';
      const match = /^Edge from (\S+) to (\S+)$/.exec(label);
      links.push(match ? `${match[1]}→${match[2]}` : label);
    }
    return links.sort();
  }

  /** Drags a palette item onto the middle of the drawn connection from `source` to `target`. */
  async dropOnConnection(title: string, source: string, target: string): Promise<void> {
    const path = this.page
      .locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"]`)
      .locator('.react-flow__edge-path');
    const line = await path.boundingBox();
    const view = await this.canvas.boundingBox();
    if (!line || !view) throw new Error(`Cannot see the connection ${source} → ${target}.`);
    await this.dropFromPalette(title, {
      x: line.x + line.width / 2 - view.x,
      y: line.y + line.height / 2 - view.y,
    });
  }

  /** The canvas's zoom factor (1 = actual size). */
  async zoom(): Promise<number> {
    const style = (await this.page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const match = /scale\(([\d.]+)\)/.exec(style);
    if (!match) throw new Error(`The canvas has no zoom in its style: ${style}`);
    return Number(match[1]);
  }

  async edgeCount(): Promise<number> {
    return this.page.locator('.react-flow__edge').count();
  }

  /** The status line under the canvas: refusals and news ("Pasted 2 layers."). */
  async status(): Promise<string> {
    return (
      (await this.page.locator('.summary-bar').getByRole('status').textContent()) ?? ''
    ).trim();
  }

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /** The inspector's heading: the selected layer's kind, "Network", or "3 layers selected". */
  async inspectorTitle(): Promise<string> {
    return ((await this.inspector.getByRole('heading').first().textContent()) ?? '').trim();
  }

  /** An inspector field by its label (e.g. "Units"). */
  field(title: string): Locator {
    return this.inspector.getByLabel(title, { exact: true });
  }

  /** Types into a field and presses Enter, as a student commits a value. */
  async setField(title: string, value: string): Promise<void> {
    await this.field(title).fill(value);
    await this.field(title).press('Enter');
  }

  /** The message shown at a field when its text is refused, or undefined. */
  async fieldError(title: string): Promise<string | undefined> {
    const id = await this.field(title).getAttribute('aria-describedby');
    const errorId = id?.split(' ').find((part) => part.endsWith('-error'));
    if (!errorId) return undefined;
    return ((await this.page.locator(`[id="${errorId}"]`).textContent()) ?? '').trim();
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name });
  }

  get shortcutsPanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+z');
  }
}
