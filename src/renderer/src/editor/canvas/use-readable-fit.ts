import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { readableFit } from '../model';

/**
 * Zoom to fit that keeps the cards' text readable (see `readableFit`): a network too tall to
 * fit is shown full width from its top, and the student scrolls for the rest.
 */
export function useReadableFit(): () => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(() => {
    const { width, height } = store.getState();
    const nodes = flow.getNodes();
    if (nodes.length === 0 || !width || !height) return;
    void flow.setViewport(readableFit(flow.getNodesBounds(nodes), { width, height }));
  }, [flow, store]);
}
