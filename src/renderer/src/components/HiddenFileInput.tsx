import type { Ref } from 'react';

interface HiddenFileInputProps {
  /** Clicking it (through this ref) opens the system's file picker. */
  readonly ref: Ref<HTMLInputElement>;
  /** What the file is for, naming the input to screen readers and tests. */
  readonly label: string;
  /** The file types offered, as the input's `accept`. */
  readonly accept: string;
  readonly onFile: (file: File) => void;
}

/**
 * The file picker behind a button: hidden, opened by the button's click, and emptied after
 * each pick so that the same file can be picked again.
 */
export function HiddenFileInput({ ref, label, accept, onFile }: HiddenFileInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      hidden
      aria-label={label}
      accept={accept}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
