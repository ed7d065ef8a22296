import type { KeyboardEvent } from 'react';
import { useState } from 'react';

export interface Draft {
  /** What the field shows: the student's text while they edit, else the document's value. */
  readonly text: string;
  readonly editing: boolean;
  readonly setText: (text: string) => void;
  /** Back to the document's value (Escape, or after a commit). */
  readonly reset: () => void;
  /** Enter commits a one-line field; Escape throws the typing away. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/**
 * Typing stays in the field until it is committed (Enter, or leaving the field), so an edit is
 * one undo step, not one per keystroke. Text that cannot be applied stays, shown as wrong, until
 * the student fixes it or presses Escape: it is never quietly replaced.
 */
export function useDraft(
  value: string,
  commit: (text: string) => boolean,
  options: { multiline?: boolean } = {},
): Draft {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  return {
    text: draft ?? value,
    editing: draft !== undefined,
    setText: (text) => setDraft(text),
    reset: () => setDraft(undefined),
    onKeyDown: (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setDraft(undefined);
      } else if (
        event.key === 'Enter' &&
        (!options.multiline || event.ctrlKey || event.metaKey) &&
        draft !== undefined
      ) {
        event.preventDefault();
        if (commit(draft)) setDraft(undefined);
      }
    },
  };
}
