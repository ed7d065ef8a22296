import { expect } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';

/**
 * Starts TF.js' WebGPU backend, forced, as a user who chooses "GPU (WebGPU)" does. On the
 * build machines the adapter is Mesa's lavapipe, a software Vulkan driver (CI installs it:
 * mesa-vulkan-drivers and libvulkan1 from bookworm-backports, see .ci/run). Where there is
 * none the WebGPU tests fail with the reason, never skip.
 */
export async function startForcedWebGpu(): Promise<void> {
  const report = await selectBackend('webgpu').catch((error: unknown) => {
    throw new Error(
      `The WebGPU tests need a Vulkan driver that Dawn accepts; on Debian 12 that is Mesa 25's lavapipe from bookworm-backports (apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1, as .ci/run does). ${(error as Error).message}`,
    );
  });
  expect(report.active).toBe('webgpu');
}
