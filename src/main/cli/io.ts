/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours and progress bars only then). */
  readonly isTTY: boolean;
}

export const EXIT_OK = 0;
/** The input was understood but is not a valid network. */
export const EXIT_INVALID = 1;
/** Wrong usage, or a file that could not be read. */
export const EXIT_USAGE = 2;

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
