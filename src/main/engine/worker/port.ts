/**
 * How a trainer-family process talks to its host. Started with child_process.fork (CLI, tests,
 * browser mode) it has process.send; started as Electron's utilityProcess (desktop app) it has
 * process.parentPort. Everything else in the process sees only this.
 */
export interface HostPort {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The host is gone (it closed the channel or died). */
  onHostGone(listener: () => void): void;
  /** Ends this process once the last message is on its way. */
  finish(code: number): void;
}

/** Electron's port to the app in a utilityProcess; absent in a forked Node process. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function hostPort(): HostPort {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // A utilityProcess is ended by the app itself; it never outlives it.
      onHostGone: () => undefined,
      finish: (code) => {
        process.exitCode = code;
        setImmediate(() => process.exit(code));
      },
    };
  }
  // Messages still on their way when the process finishes: a large one (a failure quoting a
  // long cell) is written in several pieces, and disconnecting before the last would lose it.
  let sending = 0;
  let finishWhenSent: (() => void) | undefined;
  const sent = () => {
    sending -= 1;
    if (sending === 0) finishWhenSent?.();
  };
  return {
    send: (message) => {
      if (!process.connected || !process.send) return;
      sending += 1;
      process.send(message, undefined, {}, sent);
    },
    onMessage: (listener) => process.on('message', listener),
    onHostGone: (listener) => process.on('disconnect', listener),
    finish: (code) => {
      process.exitCode = code;
      finishWhenSent = () => {
        if (process.connected) process.disconnect?.();
      };
      if (sending === 0) finishWhenSent();
    },
  };
}
