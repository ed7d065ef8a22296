/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours and progress bars only then). */
  readonly isTTY: boolean;
  /** Calls back once when whatever reads stdout has gone (`| head -1`). */
  readonly onStdoutClosed?: (listener: () => void) => void;
}

export const EXIT_OK = 0;
/** The input was understood but is not a valid network. */
export const EXIT_INVALID = 1;
/** Wrong usage, or a file that could not be read. */
export const EXIT_USAGE = 2;
/** Whatever read the output went away: the exit status of a program ended by SIGPIPE. */
export const EXIT_OUTPUT_CLOSED = 141;

export function processIO(): CliIO {
  let closed = false;
  const listeners: (() => void)[] = [];
  // A reader that stops early (`neurite train --json | head -1`) closes the pipe: from then
  // on there is nobody to write to, which is no error of ours. Stop writing, and say so to
  // whoever wants to know; never a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  });
  return {
    stdout: (text) => {
      if (!closed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    onStdoutClosed: (listener) => {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}
