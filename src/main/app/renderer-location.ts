import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the window's page comes from: the Vite dev server during `npm run dev` (electron-vite
 * sets ELECTRON_RENDERER_URL), else the built files that sit beside this bundle in out/.
 */
export function rendererUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) return devServer;
  // This file is bundled into out/main/, so the renderer lies in out/renderer/.
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

/** True when `url` is Neurite's own page, the only page allowed to use the preload's API. */
export function isRendererUrl(url: string): boolean {
  try {
    const target = new URL(url);
    const home = new URL(rendererUrl());
    if (home.protocol === 'file:') {
      return target.protocol === 'file:' && target.pathname === home.pathname;
    }
    return target.origin === home.origin;
  } catch {
    return false;
  }
}
