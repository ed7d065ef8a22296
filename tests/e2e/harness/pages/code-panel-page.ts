import type { Locator, Page } from 'playwright-core';

/** The editor's Code panel, under the canvas: the network as Keras or PyTorch code. */
export class CodePanelPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Code' });
  }

  get toggle(): Locator {
    return this.region.getByRole('button', { name: 'Code', exact: true });
  }

  /** Opens the panel (it starts folded) and waits for its code or its explanation. */
  async open(): Promise<void> {
    await this.toggle.click();
    await this.region.locator('pre, .code-panel-problem').first().waitFor();
  }

  async chooseLanguage(title: string): Promise<void> {
    await this.region.getByRole('tab', { name: title }).click();
  }

  /** The code shown, as text. */
  async code(): Promise<string> {
    return (await this.region.locator('pre').textContent()) ?? '';
  }

  get copyButton(): Locator {
    return this.region.getByRole('button', { name: /^Cop(y|ied)$/ });
  }
}
