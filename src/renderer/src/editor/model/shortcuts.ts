/**
 * The editor's keyboard shortcuts as data: the key handler matches against this list and the
 * help panel prints it, so the two cannot disagree.
 */
export type EditorCommand =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'autoLayout'
  | 'fitView'
  | 'showShortcuts';

export interface KeyChord {
  /** `KeyboardEvent.key`, compared without case for letters. */
  readonly key: string;
  /** Ctrl, or ⌘ on a Mac. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface Shortcut {
  readonly command: EditorCommand;
  readonly description: string;
  readonly chords: readonly KeyChord[];
  /**
   * Copy, cut and paste arrive as the browser's clipboard events (they carry the clipboard);
   * they are listed for the help panel but not matched as keys.
   */
  readonly viaClipboardEvent?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'undo', description: 'Undo the last change', chords: [{ key: 'z', mod: true }] },
  {
    command: 'redo',
    description: 'Redo what was undone',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  {
    command: 'copy',
    description: 'Copy the selected layers',
    chords: [{ key: 'c', mod: true }],
    viaClipboardEvent: true,
  },
  {
    command: 'cut',
    description: 'Cut the selected layers',
    chords: [{ key: 'x', mod: true }],
    viaClipboardEvent: true,
  },
  {
    command: 'paste',
    description: 'Paste layers (also from another project)',
    chords: [{ key: 'v', mod: true }],
    viaClipboardEvent: true,
  },
  {
    command: 'duplicate',
    description: 'Duplicate the selected layers',
    chords: [{ key: 'd', mod: true }],
  },
  {
    command: 'delete',
    description: 'Delete the selected layers and connections',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
  },
  { command: 'selectAll', description: 'Select every layer', chords: [{ key: 'a', mod: true }] },
  {
    command: 'autoLayout',
    description: 'Tidy up: arrange the layers along the connections',
    chords: [{ key: 'l', mod: true, shift: true }],
  },
  {
    command: 'fitView',
    description: 'Zoom to fit the whole network',
    // Not Ctrl+0: browsers and the desktop menu use it to reset the page zoom.
    chords: [{ key: '!', shift: true }],
  },
  {
    command: 'showShortcuts',
    description: 'Show these shortcuts',
    chords: [{ key: '?' }, { key: '/', mod: true }],
  },
];

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** The physical key, for Shift+1 whose `key` depends on the keyboard layout. */
  readonly code?: string;
}

function matches(chord: KeyChord, event: KeyInput): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (Boolean(chord.mod) !== mod || Boolean(chord.alt) !== event.altKey) return false;
  // "?" and "!" are typed with Shift on most layouts; the key itself says enough.
  if (chord.key === '?') return event.key === '?';
  if (chord.key === '!') return event.shiftKey && (event.key === '!' || event.code === 'Digit1');
  if (Boolean(chord.shift) !== event.shiftKey) return false;
  return chord.key.length === 1
    ? event.key.toLowerCase() === chord.key.toLowerCase()
    : event.key === chord.key;
}

/** The command a key press asks for, if any (clipboard commands excepted). */
export function commandForKey(event: KeyInput): EditorCommand | undefined {
  for (const shortcut of SHORTCUTS) {
    if (shortcut.viaClipboardEvent) continue;
    if (shortcut.chords.some((chord) => matches(chord, event))) return shortcut.command;
  }
  return undefined;
}

/** "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function formatChord(chord: KeyChord, mac: boolean): string {
  const key =
    chord.key === '!' ? '1' : chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  const parts: string[] = [];
  if (chord.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (chord.alt) parts.push(mac ? '⌥' : 'Alt');
  if (chord.shift || chord.key === '!') parts.push(mac ? '⇧' : 'Shift');
  parts.push(key);
  return mac ? parts.join('') : parts.join('+');
}
