import type { WebFrameMain } from 'electron';
import { isRendererUrl } from './renderer-location';

/** IPC is only answered for the top frame of our own page, never for a frame it embeds. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isRendererUrl(frame.url);
}
