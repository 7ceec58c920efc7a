/// <reference types="vite/client" />
import type { FloorboardBridge } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer is served by the headless host. */
    floorboard?: FloorboardBridge;
  }
}

export {};
