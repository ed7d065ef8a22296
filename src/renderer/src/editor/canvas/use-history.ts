import { useCallback, useSyncExternalStore } from 'react';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { EditorHistory } from '../model';

/** The history's current document; re-renders on every applied change, undo and redo. */
export function useHistoryDocument(history: EditorHistory): GraphDocument {
  const subscribe = useCallback((listener: () => void) => history.subscribe(listener), [history]);
  return useSyncExternalStore(subscribe, () => history.document);
}
