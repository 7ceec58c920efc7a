/**
 * WebSocket limits on the real host: before, one 90 MiB client frame was accepted, and 20 clients that never read
 * grew the host by 760 MB in 60 s (every snapshot queued for each). Now a frame over 64 KiB closes the socket with
 * 1009; a socket whose send buffer is over 1 MiB holds at most one pending snapshot, the newest, sent once it
 * drains; and an address has at most N sockets open (loopback exempt, counted here with the test-only capLoopback).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_LIMIT, SEND_BUFFER_LIMIT } from '../../src/server/host-limits';
import { TOO_MANY_CONNECTIONS } from '../../src/server/socket-hub';
import { ev, lines } from '../helpers/events';
import { clientFrame, openSocket } from './raw-client';
import { securityHost, type SecurityHost } from './security-host';

let s: SecurityHost;
beforeAll(async () => {
  s = await securityHost();
  // a floor of 400 agents: a snapshot of some 100 KB, so a few dozen fill the kernel's buffers
  s.t.engine.ingestNdjson('floor', lines(Array.from({ length: 400 }, (_, i) => ev.agent(i, `agent-${i}`, 'available'))));
});
afterAll(() => s.close());

const settle = () => new Promise((ok) => setTimeout(ok, 20));

describe('client frames', () => {
  it('closes the socket with 1009 on a frame one byte over 64 KiB, and keeps one at 64 KiB', async () => {
    const fits = await openSocket(s.port, s.access.admin());
    fits.socket.write(clientFrame(FRAME_LIMIT));
    const over = await openSocket(s.port, s.access.admin());
    over.socket.write(clientFrame(FRAME_LIMIT + 1));
    expect(await over.closed).toMatchObject({ code: 1009 });
    expect(fits.socket.destroyed).toBe(false);
    expect(s.host.sockets().length).toBe(1);
    fits.socket.destroy();
  });
});

describe('a slow consumer', () => {
  it('holds at most one pending snapshot and a bounded send buffer, and gets the newest when it drains', async () => {
    const slow = await openSocket(s.port, s.access.admin());
    slow.socket.pause(); // never reads: the kernel's buffers fill, then the host's
    let frameBytes = 0;
    let maxBuffered = 0;
    let pushes = 0;
    const started = Date.now();
    // push until the host has replaced pending snapshots for a while (bounded in count and time)
    while (pushes < 2_000 && Date.now() - started < 15_000 && (s.host.sockets()[0]?.replaced ?? 0) < 50) {
      s.t.clock.advance(1000);
      s.t.engine.tick();
      pushes++;
      frameBytes ||= JSON.stringify({ event: 'floor/snapshot', payload: s.t.engine.snapshot() }).length;
      await settle();
      const [stats] = s.host.sockets();
      maxBuffered = Math.max(maxBuffered, stats.bufferedAmount);
      expect(stats.pending.filter((e) => e === 'floor/snapshot').length).toBeLessThanOrEqual(1);
    }
    const [stats] = s.host.sockets();
    expect(stats.replaced, `after ${pushes} pushes`).toBeGreaterThanOrEqual(50);
    expect(maxBuffered).toBeLessThanOrEqual(SEND_BUFFER_LIMIT + frameBytes);
    // reading again: the buffer drains, and the last frame to arrive is the newest snapshot
    const newest = s.t.clock.now();
    slow.socket.resume();
    for (let i = 0; i < 250 && (s.host.sockets()[0].pending.length > 0 || JSON.parse(slow.texts.at(-1) ?? '{}').payload?.now !== newest); i++) await settle();
    expect(s.host.sockets()[0].pending).toEqual([]);
    expect(JSON.parse(slow.texts.at(-1)!).payload.now).toBe(newest);
    // fewer frames arrived than were pushed: the replaced ones were never queued
    expect(slow.texts.length).toBeLessThan(pushes);
    slow.socket.destroy();
  });
});

describe('connections per address', () => {
  it('closes the connection over the cap with 1008 and the reason, and takes one again when another closes', async () => {
    const capped = await securityHost({ socketsPerAddress: 2, capLoopback: true });
    try {
      const [a, b] = [await openSocket(capped.port, capped.access.admin()), await openSocket(capped.port, capped.access.admin())];
      const c = await openSocket(capped.port, capped.access.admin());
      expect(await c.closed).toEqual({ code: 1008, reason: TOO_MANY_CONNECTIONS });
      expect(capped.host.sockets().length).toBe(2);
      a.socket.destroy();
      await a.closed;
      for (let i = 0; i < 100 && capped.host.sockets().length > 1; i++) await settle();
      const d = await openSocket(capped.port, capped.access.admin());
      await settle();
      expect(d.socket.destroyed).toBe(false);
      expect(capped.host.sockets().length).toBe(2);
      b.socket.destroy();
      d.socket.destroy();
    } finally {
      await capped.close();
    }
  });

  it('exempts loopback by default', async () => {
    const exempt = await securityHost({ socketsPerAddress: 2 });
    try {
      const open = await Promise.all([0, 1, 2, 3].map(() => openSocket(exempt.port, exempt.access.admin())));
      await settle();
      expect(exempt.host.sockets().length).toBe(4);
      for (const o of open) o.socket.destroy();
    } finally {
      await exempt.close();
    }
  });
});
