/**
 * Where a file feed may point, and how its file is opened, so that no path can hang or spin the host:
 * - only a regular file is followed: a device (/dev/zero never ends), a FIFO (open() blocks until a writer comes),
 *   a socket or a directory is refused with the reason, checked with fstat after a NON-BLOCKING open, so a FIFO
 *   cannot block the open itself and a path swapped between a stat and the open is still caught;
 * - with feed folders (`serve --feed-dir`), the file must lie inside one of them once resolved with realpath, so
 *   neither a symlink nor `..` leads out. Without them any readable regular file may be followed.
 * A file that does not exist yet is allowed (the tail waits for it) when its folder is allowed.
 */
import { closeSync, constants, fstatSync, openSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

// O_NONBLOCK does not exist on Windows, where opening a named pipe this way does not block anyway
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Opens `path` for reading without blocking and returns its descriptor, or throws saying why it is refused. */
export function openRegularFile(path: string): number {
  const fd = openSync(path, OPEN_FLAGS);
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!st.isFile()) {
    closeSync(fd);
    throw new Error(`${path} is ${kindOf(st)}: a file feed follows regular files only`);
  }
  return fd;
}

/** The real path of `path`, or, when it does not exist yet, its folder's real path joined with its name. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return join(realpathSync(dirname(path)), basename(path));
  }
}

/** The feed folders, resolved once (a folder that cannot be resolved keeps its absolute path and matches nothing real). */
export function resolveFeedDirs(dirs: readonly string[]): string[] {
  return dirs.map((d) => {
    try {
      return realpathSync(d);
    } catch {
      return resolve(d);
    }
  });
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Why a file feed may not follow `path` (outside the feed folders, or not a regular file), or null when it may.
 * `feedDirs` are resolved (`resolveFeedDirs`); empty means anywhere.
 */
export function feedPathRefusal(path: string, feedDirs: readonly string[]): string | null {
  let real: string;
  try {
    real = realPathOf(path);
  } catch (e) {
    return `${path} cannot be resolved: ${(e as Error).message}`;
  }
  if (feedDirs.length > 0 && !feedDirs.some((d) => inside(d, real))) {
    return `${path}${real === path ? '' : ` (${real})`} is outside the feed folders (--feed-dir ${feedDirs.join(', ')})`;
  }
  try {
    closeSync(openRegularFile(real));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null; // not there yet: the tail waits for it
    return code ? `${path} cannot be read: ${(e as Error).message}` : (e as Error).message.replace(real, path);
  }
  return null;
}
