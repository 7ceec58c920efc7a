/** The only two IPC channels between the Electron main process and the preload. */
export const IPC_CALL = 'floorboard:call';
export const IPC_PUSH = 'floorboard:push';
