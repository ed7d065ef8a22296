/// <reference types="vite/client" />

/**
 * What the preload (src/preload/index.ts) exposes as `window.neurite`. Declared here rather
 * than imported, because the renderer may not import from the preload. Absent when the page
 * runs in a plain browser (browser mode, tests, screenshots).
 */
interface NeuriteBridge {
  appInfo(): Promise<{ readonly version: string }>;
}

interface Window {
  readonly neurite?: NeuriteBridge;
}
