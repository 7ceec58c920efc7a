/**
 * Where the app icon is on disk (resources/icon.png, made from resources/icon.svg by scripts/icons.mjs): the same
 * file for the window, the kiosk's window and the desktop notifications. Resolved from this module's own place,
 * which is src/main/ run from source (the tests) and out/main/ once built: both two levels below the project.
 * electron-vite's `?asset` import compiles to this same path, but vitest runs the shell from source, where that
 * suffix has no loader.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_ICON = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'icon.png');
