/** The two Electron IPC channels that carry the API contract (see contract.ts). */
export const IPC_CALL_CHANNEL = 'neurite:call';
export const IPC_EVENT_CHANNEL = 'neurite:event';
