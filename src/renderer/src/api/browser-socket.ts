import type { ConnectSocket } from './websocket-client';

/** The browser's own WebSocket, adapted to what the WebSocket client needs. */
export const connectBrowserSocket: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event: MessageEvent<unknown>) => {
    // The server sends text only.
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  // An 'error' is always followed by 'close', which is where the client reacts.
  socket.onclose = (event) => handlers.close(event.code, event.reason);
  return {
    send: (text) => socket.send(text),
    close: (code, reason) => socket.close(code, reason),
  };
};
