/**
 * The real host on 127.0.0.1 with screens: two boards held in memory (`lobby` pseudonymous with the voice channel
 * and the agents, `sales` with names and chat), a stand-in for core/boards' boardSnapshot that counts its calls and
 * keeps only the channels a board's tiles name (and agents if it has an agents tile), the screens' handlers and the
 * pairing routes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccess, type Access } from '../../src/core/access/access';
import { fixedAdminSecret } from '../../src/core/access/admin-secret';
import { createPairing } from '../../src/core/access/pairing';
import { createScreens, type Screens } from '../../src/core/access/screens';
import type { ScreenBoards } from '../../src/core/access/viewer-view';
import { createDispatcher } from '../../src/core/api/dispatch';
import { startHost, type Host, type HostOptions } from '../../src/server/host';
import type { Board, BoardTile } from '../../src/shared/boards';
import { testEngine } from '../helpers/engine';
import { T0 } from '../helpers/events';

const tile = (t: Partial<BoardTile> & Pick<BoardTile, 'kind'>): BoardTile => ({ column: 1, row: 1, columnSpan: 6, rowSpan: 6, ...t });
const BOARDS: Board[] = [
  { name: 'lobby', title: 'Lobby', theme: 'dark', showNames: false, jumpOnBreach: false, pages: [{ title: 'Voice', columns: 12, rows: 12, dwellSeconds: 30, tiles: [tile({ kind: 'channel', channel: 'voice' }), tile({ kind: 'agents', column: 7 })] }] },
  { name: 'sales', title: 'Sales', theme: 'dark', showNames: true, jumpOnBreach: false, pages: [{ title: 'Chat', columns: 12, rows: 12, dwellSeconds: 30, tiles: [tile({ kind: 'channel', channel: 'chat' }), tile({ kind: 'agents', column: 7 })] }] },
];

export interface BoardHost {
  host: Host;
  port: number;
  t: ReturnType<typeof testEngine>;
  access: Access;
  screens: Screens;
  secret: ReturnType<typeof fixedAdminSecret>;
  /** This host's boards (a copy of BOARDS), to change one under its screens. */
  boards: Board[];
  /** How many times the floor was cut to a board. */
  cuts(): number;
  close(): Promise<void>;
}

export async function boardHost(options: Partial<HostOptions> = {}): Promise<BoardHost> {
  const t = testEngine(T0);
  let cuts = 0;
  const held = structuredClone(BOARDS);
  const boards: ScreenBoards = {
    boardOf: (name) => held.find((b) => b.name === name) ?? null,
    cut(snapshot, board) {
      cuts++;
      const tiles = board.pages.flatMap((p) => p.tiles);
      const agents = tiles.some((x) => x.kind === 'agents');
      return { ...snapshot, channels: snapshot.channels.filter((c) => tiles.some((x) => x.channel === c.channel)), queues: [], agents: agents ? snapshot.agents : [] };
    },
  };
  const now = () => t.engine.wall.now();
  const secret = fixedAdminSecret();
  const access = createAccess({ store: t.engine.store, secret, now, screens: boards });
  const pairing = createPairing(now);
  const screens = createScreens({ store: t.engine.store, now, boardOf: boards.boardOf, pairing });
  const dispatch = createDispatcher({ ...t.engine.handlers, ...access.handlers, ...screens.handlers }, { view: access.view });
  const rendererDir = mkdtempSync(join(tmpdir(), 'floorboard-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Floorboard</title>');
  const host = await startHost({ engine: t.engine, dispatch, access, pairing, rendererDir, port: 0, host: '127.0.0.1', ...options });
  return {
    host,
    port: Number(new URL(host.url).port),
    t,
    access,
    screens,
    secret,
    boards: held,
    cuts: () => cuts,
    close: async () => {
      await host.close();
      t.close();
    },
  };
}
