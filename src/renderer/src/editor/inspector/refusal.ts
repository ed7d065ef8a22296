import { createContext } from 'react';

/**
 * Tells the student, in the editor's status line, that what they typed in a field they have
 * just left was not applied: the field keeps their text in red, but it may scroll away or
 * close when another layer is selected, and their work must not vanish without a word.
 */
export const RefusalContext = createContext<(message: string) => void>(() => undefined);
