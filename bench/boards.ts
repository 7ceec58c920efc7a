/**
 * npm run bench -- boards (issue 16): fifty wall boards on the headless host's WebSockets, on the tick benchmark's
 * floor (100 queues, 2,000 agents, 100,000 contacts this morning: bench/busy-floor.ts, fed over HTTP), the host
 * pushing once a second on its tick. Each screen does what a board page does: `boards/get` and `floor/snapshot` with
 * its screen token as a bearer, then `/ws?token=...` (it sends nothing on the socket).
 * Measured over BOARDS_SECONDS (default 60): the host's CPU (/proc utime + stime, as a share of one core), its resident
 * memory, the bytes each board is sent, and event-to-board latency: one marker event a second (a contact queued),
 * timed from its POST until each socket reads the first frame that carries it. Markers are the only events after
 * the floor, so a frame carries marker k once its `lastEventAt` (the center clock when the host applied a batch) has
 * reached the instant marker k was applied; the center clock's offset from the wall clock is read from the frames.
 * Then the host's per-push work is timed alone in this process: the snapshot, and each board's cut serialized once.
 * Bounded: 50 sockets, one marker a second, a run of at most 600 s; everything on 127.0.0.1; the host, its
 * sockets and its temporary database are removed at the end.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { viewerPush, createPseudonyms } from '../src/core/access/viewer-view';
import { createScreens } from '../src/core/access/screens';
import { boardSnapshot } from '../src/core/boards/board-view';
import { createBoardsService } from '../src/core/boards/boards-store';
import { defaultBoard } from '../src/core/boards/default-board';
import { boardVersionReads, boardVersionWrites } from '../src/core/store/boards';
import { openDatabase } from '../src/core/store/database';
import { createStoreWriter } from '../src/core/store/store-writer';
import type { Caller, FloorSnapshot } from '../src/shared/api';
import type { Board, BoardTile } from '../src/shared/boards';
import { startHost } from '../test/helpers/host';
import { openSocket, type RawSocket } from '../test/security/raw-client';
import { BUSY_FLOOR_NOW, busyFloor, busyFloorLines } from './busy-floor';

type Report = (name: string, value: string) => void;

const BOARDS = 50;
const SECONDS = Math.min(600, Math.max(10, Number(process.env.BOARDS_SECONDS ?? 60)));
const WARM_UP_MS = 5_000;
const CHANNELS = ['voice', 'chat', 'email', 'message'] as const;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fifty boards, a mix of what a center puts on its walls: the default `floor` board (headline, channels,
 * waiting, alerts; intraday and agents on page 2), a team's wall of eight queues under a headline, a channel wall,
 * and an agents wall; every fifth shows agents' names.
 */
function boardsToSave(): Board[] {
  return Array.from({ length: BOARDS }, (_, i) => {
    const name = `wall-${String(i + 1).padStart(2, '0')}`;
    const showNames = i % 5 === 4;
    const base = { name, title: `Wall ${i + 1}`, theme: 'dark' as const, showNames, jumpOnBreach: false };
    const page = (tiles: BoardTile[]) => ({ title: 'Now', columns: 12, rows: 6, dwellSeconds: 30, tiles });
    switch (i % 4) {
      case 0:
        return { ...defaultBoard(), ...base };
      case 1: {
        const queues = Array.from({ length: 8 }, (_, k) => `Q${(i * 8 + k) % 100}`);
        const tiles: BoardTile[] = queues.map((queue, k) => ({ kind: 'queue', queue, column: 1 + 3 * (k % 4), row: 2 + 2 * Math.floor(k / 4), columnSpan: 3, rowSpan: 2 }));
        return { ...base, pages: [page([{ kind: 'headline', column: 1, row: 1, columnSpan: 12, rowSpan: 1, figures: ['service-level', 'waiting'] }, ...tiles])] };
      }
      case 2:
        return { ...base, pages: [page([...CHANNELS.map((channel, k): BoardTile => ({ kind: 'channel', channel, column: 1 + 3 * k, row: 1, columnSpan: 3, rowSpan: 3 })), { kind: 'waiting', column: 1, row: 4, columnSpan: 12, rowSpan: 3 }])] };
      default:
        return { ...base, pages: [page([{ kind: 'agents', column: 1, row: 1, columnSpan: 8, rowSpan: 6 }, { kind: 'intraday', column: 9, row: 1, columnSpan: 4, rowSpan: 6 }])] };
    }
  });
}

/** Each screen's token, made as `boards token create BOARD --name SCREEN --db PATH` makes it, on the host's database. */
function screenTokens(dbPath: string, boards: Board[]): string[] {
  const db = openDatabase({ path: dbPath });
  try {
    const service = createBoardsService({ ...boardVersionReads(db), ...boardVersionWrites(db) }, { now: Date.now });
    const screens = createScreens({ store: createStoreWriter(db), now: Date.now, boardOf: (name) => service.get(name)?.board ?? null });
    return boards.map((b) => screens.create(b.name, `${b.name} tv`).token);
  } finally {
    db.close();
  }
}

/** One screen's socket: when each new `lastEventAt` first arrived, and what it was sent. */
interface Screen {
  raw: RawSocket;
  /** [lastEventAt, wall ms it arrived], one entry per new value, in arrival order. */
  changes: [number, number][];
  /** The center clock minus the wall clock at arrival, its highest: the clocks' offset, less the fastest delivery. */
  offset: number;
  frames: number;
  bytes: number;
  last: string;
}

const numberAfter = (text: string, key: string): number | null => {
  const at = text.indexOf(key);
  if (at < 0 || at > 4096) return null;
  const m = /^\d+/.exec(text.slice(at + key.length, at + key.length + 20));
  return m ? Number(m[0]) : null;
};

function watch(raw: RawSocket): Screen {
  const screen: Screen = { raw, changes: [], offset: -Infinity, frames: 0, bytes: 0, last: '' };
  const read = () => {
    const at = Date.now();
    for (const text of raw.texts.splice(0)) {
      screen.frames++;
      screen.bytes += Buffer.byteLength(text);
      screen.last = text;
      const now = numberAfter(text, '"now":');
      const lastEventAt = numberAfter(text, '"lastEventAt":');
      if (now !== null) screen.offset = Math.max(screen.offset, now - at);
      if (lastEventAt !== null && lastEventAt !== screen.changes.at(-1)?.[0]) screen.changes.push([lastEventAt, at]);
    }
  };
  // after the raw client's own listener (added first), which has parsed the chunk's frames into `texts`
  raw.socket.on('data', read);
  read();
  return screen;
}

/** The process's CPU time (user + system, all threads) in ms: clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
function memory(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

export async function benchBoards(report: Report): Promise<void> {
  // the center clock reads the tick benchmark's noon, so its floor's morning is today's
  const host = await startHost(['--no-simulate', '--time-zone', 'UTC', '--test-start-at', new Date(BUSY_FLOOR_NOW).toISOString()]);
  const pid = host.process.pid!;
  const port = Number(new URL(host.url).port);
  const origin = `http://127.0.0.1:${port}`;
  const call = async (name: string, args: unknown, bearer = host.adminSecret) => {
    const r = await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify(args) });
    const body = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.value;
  };
  const screens: Screen[] = [];
  try {
    const lines = busyFloorLines();
    for (let i = 0; i < lines.length; i += 50_000) await call('ingest/lines', { source: 'tick', lines: lines.slice(i, i + 50_000), startPosition: i + 1 });
    const fedRss = memory(pid, 'VmRSS');
    const boards = boardsToSave();
    for (const board of boards) await call('boards/save', { board, note: 'bench' });
    const tokens = screenTokens(host.dbPath, boards);
    for (const [i, token] of tokens.entries()) {
      await call('boards/get', { name: boards[i].name }, token);
      await call('floor/snapshot', {}, token);
      const raw = await openSocket(port, { origin }, `/ws?token=${token}`);
      if (raw.status !== 101) throw new Error(`screen ${i}: the socket was answered ${raw.status}`);
      screens.push(watch(raw));
    }
    await sleep(WARM_UP_MS);

    const sent: number[] = [];
    const rss: number[] = [];
    for (const s of screens) [s.frames, s.bytes] = [0, 0];
    const cpu0 = cpuMs(pid);
    const t0 = Date.now();
    for (let k = 0; k < SECONDS; k++) {
      const wait = t0 + k * 1000 - Date.now();
      if (wait > 0) await sleep(wait);
      const q = k % 100;
      const center = Date.now() + Math.max(...screens.map((s) => s.offset));
      const marker = JSON.stringify({ v: 1, type: 'contact.queued', ts: center, contactId: `marker-${k}`, queue: `Q${q}`, channel: CHANNELS[q % 4] });
      sent.push(Date.now());
      await call('ingest/lines', { source: 'bench-markers', lines: [marker] });
      if (k % 5 === 0) rss.push(memory(pid, 'VmRSS'));
    }
    await sleep(1000 - (Date.now() - sent[sent.length - 1]));
    const wallMs = Date.now() - t0;
    const cpu = cpuMs(pid) - cpu0;

    // marker k was applied at a center instant in [sent k, sent k+1) on the wall: the first frame at or past it
    const offset = Math.max(...screens.map((s) => s.offset));
    const latencies: number[] = [];
    // per marker, its first screen and its last: the spread is the push's fifty cuts, serialized one after another
    const firsts: number[] = [];
    const lasts: number[] = [];
    let missed = 0;
    for (const [k, at] of sent.entries()) {
      const next = sent[k + 1] ?? Infinity;
      const seen = screens.flatMap((s) => s.changes.filter(([value]) => value - offset >= at && value - offset < next).slice(0, 1).map(([, arrived]) => arrived - at));
      missed += screens.length - seen.length;
      latencies.push(...seen);
      if (seen.length > 0) [firsts[k], lasts[k]] = [Math.min(...seen), Math.max(...seen)];
    }
    const frames = screens.reduce((n, s) => n + s.frames, 0);
    const bytes = screens.reduce((n, s) => n + s.bytes, 0);
    const bySize = [...screens].sort((a, b) => a.bytes / a.frames - b.bytes / b.frames);
    const waiting = (JSON.parse(screens[0].last) as { payload: FloorSnapshot }).payload.channels.reduce((n, c) => n + c.waiting, 0);
    report('boards: screens (50 boards, a token each)', fmt(screens.length));
    report('boards: markers (1/s) x screens', `${fmt(sent.length)} x ${screens.length}: ${fmt(latencies.length)} seen, ${fmt(missed)} missed`);
    report('boards: event-to-board p50 (ms)', fmt(percentile(latencies, 50)));
    report('boards: event-to-board p95 (ms, target < 250)', fmt(percentile(latencies, 95)));
    report('boards: event-to-board max (ms)', fmt(Math.max(...latencies)));
    report('boards: first / last screen to see a marker, p50 (ms)', `${fmt(percentile(firsts.filter(Number.isFinite), 50))} / ${fmt(percentile(lasts.filter(Number.isFinite), 50))}`);
    report('boards: frames per screen per second', fmt(frames / screens.length / (wallMs / 1000), 2));
    report('boards: frame KiB per board, least / median / most', [bySize[0], bySize[BOARDS >> 1], bySize[BOARDS - 1]].map((s) => fmt(s.bytes / s.frames / 1024, 1)).join(' / '));
    report('boards: sent to the 50 screens (MiB/s)', fmt(bytes / 2 ** 20 / (wallMs / 1000), 2));
    report('boards: host CPU over the run (% of one core)', fmt((100 * cpu) / wallMs, 1));
    report('boards: host RSS, floor fed / run median (MiB)', `${fmt(fedRss)} / ${fmt(percentile(rss, 50))}`);
    report('boards: host peak RSS, VmHWM (MiB)', fmt(memory(pid, 'VmHWM')));
    report('boards: waiting on wall-01 (floor + markers)', fmt(waiting));
  } finally {
    for (const s of screens) s.raw.socket.destroy();
    await host.stop();
    rmSync(dirname(host.dbPath), { recursive: true, force: true });
  }
  pushCost(report, boardsToSave());
}

/** The host's work for one push, alone in this process: the snapshot, then each board's cut serialized once. */
function pushCost(report: Report, boards: Board[]): void {
  const { engine, db, clock } = busyFloor();
  // the boards read as the host reads them: the version in force, from the database, at each push
  const service = createBoardsService({ ...boardVersionReads(db), ...boardVersionWrites(db) }, { now: Date.now });
  for (const board of boards) service.save(board, 'bench');
  const screenBoards = { boardOf: (name: string) => service.get(name)?.board ?? null, cut: boardSnapshot };
  const pseudonyms = createPseudonyms();
  const callers: Caller[] = boards.map((b) => ({ role: 'viewer', token: `${b.name} tv`, names: b.showNames, board: b.name }));
  const snapshots: number[] = [];
  const views: number[] = [];
  for (let i = 0; i < 60; i++) {
    clock.advance(1000);
    const t = performance.now();
    const snap = engine.snapshot();
    const cut = performance.now();
    for (const caller of callers) JSON.stringify({ event: 'floor/snapshot', payload: viewerPush('floor/snapshot', snap, caller, pseudonyms, screenBoards) });
    if (i >= 10) {
      snapshots.push(cut - t);
      views.push(performance.now() - cut);
    }
  }
  engine.stop();
  db.close();
  report('boards: per push, the snapshot p50 (ms)', fmt(percentile(snapshots, 50), 2));
  report('boards: per push, 50 cuts + JSON p50 / p95 (ms)', `${fmt(percentile(views, 50), 1)} / ${fmt(percentile(views, 95), 1)}`);
}
