/**
 * Follows a growing log file (Asterisk queue_log, NDJSON) line by line, from its start, and survives:
 * - restarts: it resumes at the byte after the last stored line (the cursor is written in the same
 *   transaction as the lines, so a crash can neither skip nor double a line);
 * - rotation by rename + new file: it finishes the old file through its open descriptor, or after a restart
 *   finds it again by inode in the same folder, then starts the new one at byte 0;
 * - copy-truncate: a file shorter than the cursor was truncated; it starts again at byte 0.
 * Only complete lines (ending in \n) are read; a partial last line waits for its end.
 * Positions are line numbers over the life of the feed, across rotations.
 * A poll reads a bounded number of bytes and lines, so no file (growing endlessly, or one endless line) keeps the
 * process from answering; only regular files are opened, without blocking (feed-path.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileCursor } from '../store/store';
import { MAX_LINE_LENGTH, type SourceLine } from '../ingest/source-lines';
import { feedPathRefusal, openRegularFile } from './feed-path';

interface TailBatch {
  lines: SourceLine[];
  cursor: FileCursor;
}

export interface FileTailOptions {
  path: string;
  /** Where the last run stopped (from the store), or null to start at the beginning. */
  cursor: FileCursor | null;
  /** Store a batch; called synchronously, in order. */
  write(batch: TailBatch): void;
  maxLinesPerBatch?: number;
  /**
   * Lines stored per poll at most: a long backlog (a month of queue_log) is read over several polls, so the
   * process keeps answering (webhooks, the console) meanwhile.
   */
  maxLinesPerPoll?: number;
  /** Bytes read per system call. */
  chunkBytes?: number;
  /** Bytes read per poll at most (default 8 MiB): the rest of a long line or backlog waits for the next polls. */
  maxBytesPerPoll?: number;
  /** The folders the file must lie in, resolved (`serve --feed-dir`); checked whenever the path is opened. */
  feedDirs?: readonly string[];
}

/** `running` may carry a warning (lines that could not be read: a rotated file gone, a rewritten file). */
export type TailState = { state: 'running'; message?: string } | { state: 'waiting'; message: string } | { state: 'error'; message: string };

/**
 * Bytes of a line kept at most: beyond, only its beginning is kept (enough for adapters to quarantine it as longer
 * than MAX_LINE_LENGTH characters), and the rest is skipped without being buffered.
 */
const MAX_KEPT_LINE_BYTES = MAX_LINE_LENGTH * 4 + 4;

/** Bytes before the checkpoint whose hash identifies the file's content there (see `fingerprintAt`). */
const FINGERPRINT_BYTES = 64;

const DEFAULT_MAX_BYTES_PER_POLL = 8 << 20;

/** Where a drain stopped at its byte budget, inside a line: the next poll goes on from there. */
interface Carry {
  fd: number;
  /** The checkpoint (`offset`) it was read from: another one means the carry no longer applies. */
  offset: number;
  readAt: number;
  pending: Buffer | null;
  overLong: number;
}

const fileIdOf = (st: { dev: number; ino: number }) => `${st.dev}:${st.ino}`;

export class FileTail {
  private fd: number | null = null;
  private fileId: string | null;
  private offset: number;
  /** Hash of the bytes just before `offset` when they were read: a file rewritten in place no longer matches. */
  private fingerprint: string | null;
  /** A warning kept in the state until the next one (what could not be read, and why). */
  private warning: string | null = null;
  private position: number;
  /** The position of the last stored line: what `position` returns to when a write fails. */
  private committed: number;
  private status: TailState = { state: 'running' };
  private readonly maxLines: number;
  private readonly maxPerPoll: number;
  /** The last drain stopped at the per-poll budget: the file has more lines to read. */
  private more = false;
  private carry: Carry | null = null;
  private readonly maxBytes: number;
  private readonly buffer: Buffer;

  constructor(private readonly o: FileTailOptions) {
    this.fileId = o.cursor?.fileId ?? null;
    this.offset = o.cursor?.byteOffset ?? 0;
    this.fingerprint = o.cursor?.fingerprint ?? null;
    this.position = o.cursor?.position ?? 0;
    this.committed = this.position;
    this.maxLines = o.maxLinesPerBatch ?? 5000;
    this.maxPerPoll = o.maxLinesPerPoll ?? 50_000;
    this.buffer = Buffer.allocUnsafe(o.chunkBytes ?? 1 << 20);
    this.maxBytes = o.maxBytesPerPoll ?? DEFAULT_MAX_BYTES_PER_POLL;
  }

  /** Opens the followed path (or a rotated file beside it): inside the feed folders, a regular file, never blocking. */
  private open(path: string): number {
    const refusal = this.o.feedDirs?.length ? feedPathRefusal(path, this.o.feedDirs) : null;
    if (refusal !== null) throw new Error(refusal);
    return openRegularFile(path);
  }

  get state(): TailState {
    return this.status;
  }

  /** Read everything new; returns the number of lines stored. Never throws: problems become the state. */
  poll(): number {
    try {
      return this.pollOnce();
    } catch (e) {
      this.status = { state: 'error', message: (e as Error).message };
      this.position = this.committed;
      this.closeFd();
      return 0;
    }
  }

  close(): void {
    this.closeFd();
  }

  private pollOnce(): number {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(this.o.path);
    } catch (e) {
      // rotated away and not yet recreated: finish what the open descriptor still holds
      const n = this.fd !== null ? this.drain() : 0;
      const code = (e as NodeJS.ErrnoException).code;
      this.status =
        code === 'ENOENT'
          ? { state: 'waiting', message: `${this.o.path} does not exist (yet)` }
          : { state: 'error', message: `${this.o.path} cannot be read: ${(e as Error).message}` };
      return n;
    }
    const id = fileIdOf(st);
    let n = 0;
    if (this.fileId !== null && id !== this.fileId) {
      // rotated: the rest of the old file first, from the open descriptor or found again by inode
      if (this.fd === null) this.reopenRotated();
      let oldMtime: number | null = null;
      if (this.fd !== null && this.sameContent(this.fd)) {
        n += this.drain();
        if (this.more) return n; // finish the old file on the next polls before moving to the new one
        oldMtime = fstatSync(this.fd).mtimeMs;
      } else if (this.offset > 0) {
        this.warning = `the rest of the previous file (from byte ${this.offset}) was not found beside ${basename(this.o.path)} (compressed or removed while Floorboard was stopped?): lines written to it after that may be missing`;
      }
      this.closeFd();
      // rotated more than once meanwhile: the files between the old one and the current one, oldest first
      const between = oldMtime === null ? null : this.rotatedAfter(oldMtime, [this.fileId, id]);
      this.offset = 0;
      this.fingerprint = null;
      if (between) {
        this.fileId = between.id;
        this.fd = this.open(between.path);
        n += this.drain();
        this.status = { state: 'running' };
        return n; // the next polls go on from it, as from any rotated file
      }
      this.fileId = id;
    }
    if (this.fileId === null) this.fileId = id;
    if (this.fd === null) this.fd = this.open(this.o.path);
    if (fstatSync(this.fd).size < this.offset) {
      this.offset = 0; // copy-truncate
      this.fingerprint = null;
      this.carry = null;
    } else if (!this.sameContent(this.fd)) {
      // the same file (inode) holds other bytes before our checkpoint: rewritten in place (copy-truncate then
      // refilled past our offset while we were not looking, or a new file given the old inode): read it anew
      this.warning = `${basename(this.o.path)} was rewritten in place (copy-truncate or a new file with the same inode): read again from its start`;
      this.offset = 0;
      this.fingerprint = null;
    }
    n += this.drain();
    this.status = this.warning === null ? { state: 'running' } : { state: 'running', message: this.warning };
    return n;
  }

  /** The hash of the `FINGERPRINT_BYTES` bytes before `offset` in this file, or null at its start. */
  private fingerprintAt(fd: number, offset: number): string | null {
    if (offset === 0) return null;
    const n = Math.min(FINGERPRINT_BYTES, offset);
    const bytes = Buffer.alloc(n);
    const got = readSync(fd, bytes, 0, n, offset - n);
    return createHash('sha1').update(bytes.subarray(0, got)).digest('hex');
  }

  /** Whether the file still holds, just before our offset, the bytes we read there (no fingerprint: assume so). */
  private sameContent(fd: number): boolean {
    return this.fingerprint === null || this.offset === 0 || this.fingerprintAt(fd, this.offset) === this.fingerprint;
  }

  /**
   * The oldest rotated file beside the path (not compressed) modified after `mtime`, other than the given files:
   * one written between the file just finished and the current one, when the log rotated more than once.
   */
  private rotatedAfter(mtime: number, except: (string | null)[]): { path: string; id: string } | null {
    const dir = dirname(this.o.path);
    const base = basename(this.o.path);
    let best: { path: string; id: string; mtime: number } | null = null;
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(base) || name === base || /\.(gz|bz2|xz|zst|zip|lz4|Z)$/.test(name)) continue;
      const p = join(dir, name);
      try {
        const st = statSync(p);
        const fid = fileIdOf(st);
        if (!st.isFile() || except.includes(fid) || st.mtimeMs <= mtime) continue;
        if (best === null || st.mtimeMs < best.mtime) best = { path: p, id: fid, mtime: st.mtimeMs };
      } catch {
        // vanished meanwhile
      }
    }
    return best;
  }

  /** After a restart, look for the file we were reading (same inode) beside the path, e.g. queue_log.1. */
  private reopenRotated(): void {
    const dir = dirname(this.o.path);
    const base = basename(this.o.path);
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(base) || name === base) continue;
      const p = join(dir, name);
      try {
        if (fileIdOf(statSync(p)) === this.fileId) {
          this.fd = this.open(p);
          return;
        }
      } catch {
        // vanished meanwhile
      }
    }
  }

  /**
   * Read complete lines from the descriptor until its end or the poll's budget (lines, bytes), storing them in
   * batches.
   */
  private drain(): number {
    const fd = this.fd!;
    let stored = 0;
    // go on inside the line the last poll stopped in, unless the file moved under it (truncated, other checkpoint)
    const c = this.carry !== null && this.carry.fd === fd && this.carry.offset === this.offset && fstatSync(fd).size >= this.carry.readAt ? this.carry : null;
    this.carry = null;
    let pending: Buffer | null = c?.pending ?? null; // bytes of an unfinished line carried between reads
    let overLong = c?.overLong ?? 0; // bytes of an over-long line read so far (only its beginning is in `pending`)
    let lines: SourceLine[] = [];
    let lineStart = this.offset; // file offset of the first byte not yet part of a stored line
    let readAt = c?.readAt ?? this.offset;
    const budgetEnd = readAt + this.maxBytes;
    const flush = (endOffset: number) => {
      if (lines.length === 0) return;
      const fingerprint = this.fingerprintAt(fd, endOffset);
      this.o.write({ lines, cursor: { position: this.position, fileId: this.fileId!, byteOffset: endOffset, fingerprint } });
      stored += lines.length;
      this.offset = endOffset;
      this.fingerprint = fingerprint;
      this.committed = this.position;
      lines = [];
    };
    for (;;) {
      if (readAt >= budgetEnd) {
        // the byte budget is spent: store the complete lines, keep the unfinished one for the next poll
        flush(lineStart);
        this.carry = { fd, offset: this.offset, readAt, pending, overLong };
        this.more = true;
        return stored;
      }
      const got = readSync(fd, this.buffer, 0, Math.min(this.buffer.length, budgetEnd - readAt), readAt);
      if (got === 0) break;
      readAt += got;
      let from = 0;
      for (;;) {
        const nl = this.buffer.indexOf(10, from);
        if (nl === -1 || nl >= got) break;
        const piece = this.buffer.subarray(from, nl);
        let text: string;
        if (overLong > 0) {
          // the end of a line too long to keep: its first bytes stand for it (it is quarantined as too long)
          lineStart += overLong + piece.length + 1;
          text = pending!.toString('utf8');
          overLong = 0;
        } else {
          const bytes: Buffer = pending ? Buffer.concat([pending, piece]) : piece;
          lineStart += bytes.length + 1;
          text = bytes.toString('utf8');
          if (text.endsWith('\r')) text = text.slice(0, -1);
        }
        pending = null;
        lines.push({ position: ++this.position, text });
        if (lines.length >= this.maxLines) {
          flush(lineStart);
          if (stored >= this.maxPerPoll) {
            this.more = true; // the rest on the next poll, from the checkpoint
            return stored;
          }
        }
        from = nl + 1;
      }
      if (from < got) {
        if (overLong > 0) overLong += got - from;
        else {
          const rest = Buffer.from(this.buffer.subarray(from, got));
          pending = pending ? Buffer.concat([pending, rest]) : rest;
          if (pending.length > MAX_KEPT_LINE_BYTES) {
            // longer than any line kept: hold only its beginning (the rest is counted, not buffered)
            overLong = pending.length;
            pending = Buffer.from(pending.subarray(0, MAX_KEPT_LINE_BYTES));
          }
        }
      }
    }
    flush(lineStart);
    this.more = false;
    return stored;
  }

  private closeFd(): void {
    this.carry = null;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
  }
}
