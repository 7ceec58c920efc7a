/**
 * The preload exposes exactly `call` and `on` to the renderer (contextIsolation + sandbox). It imports
 * nothing but electron and the shared contract, so it bundles into one sandbox-safe file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { FloorboardBridge, PushEvents, PushName } from '../shared/api';
import { IPC_CALL, IPC_PUSH } from '../shared/ipc';

const bridge: FloorboardBridge = {
  call: (name, args) => ipcRenderer.invoke(IPC_CALL, name, args),
  on<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void) {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as PushEvents[E]);
    };
    ipcRenderer.on(IPC_PUSH, handler);
    return () => {
      ipcRenderer.removeListener(IPC_PUSH, handler);
    };
  },
};

contextBridge.exposeInMainWorld('floorboard', bridge);
