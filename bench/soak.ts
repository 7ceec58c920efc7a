/**
 * npm run soak: what hostile or broken clients cost the real host's memory, next to an idle host's (not in npm test).
 *   - 20 WebSocket consumers that never read, on a --scale 20 simulated floor, for 60 s (SOAK_SECONDS to change it);
 *   - 8 request bodies of 60 MB each, streamed without a credential (answered 401 before they are read).
 * Prints each host's resident memory: peak (VmHWM) and final (VmRSS, 10 s and 30 s after the clients close: V8 and
 * malloc give memory back to the system lazily, and an idle host's RSS itself moves by tens of MiB).
 * Target (issue 14): the loaded host's peak under the idle host's + 150 MB, and its final within 50 MB of idle.
 * Every connection goes to 127.0.0.1; every loop is bounded in count and time.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import { startHost, type RunningHost } from '../test/helpers/host';
import { openSocket, type RawSocket } from '../test/security/raw-client';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONSUMERS = 20;
const BODIES = 8;
const BODY_BYTES = 60 * 2 ** 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** Stream a body of BODY_BYTES to a method that takes no lines; resolves with the status and the bytes that went. */
function bigBody(port: number): Promise<{ status: number; sent: number }> {
  return new Promise((ok) => {
    let sent = 0;
    let answered = 0;
    const req = request({ host: '127.0.0.1', port, path: '/api/floor/snapshot', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(BODY_BYTES) } }, (res) => {
      answered = res.statusCode ?? 0;
      res.resume();
      req.destroy();
      ok({ status: answered, sent });
    });
    req.on('error', () => ok({ status: answered, sent }));
    const chunk = Buffer.alloc(2 ** 20, 0x20);
    const pump = () => {
      while (sent < BODY_BYTES && answered === 0) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (sent >= BODY_BYTES) req.end();
    };
    pump();
  });
}

const args = ['--simulate', '--scale', '20', '--speed', '10', '--time-zone', 'UTC'];
console.log(`Floorboard soak on ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, Node ${process.version}: ${CONSUMERS} slow consumers for ${SECONDS} s, ${BODIES} x ${BODY_BYTES / 2 ** 20} MB bodies`);
const idle = await startHost(args);
const loaded = await startHost(args);
const hosts: RunningHost[] = [idle, loaded];
try {
  const port = Number(new URL(loaded.url).port);
  await sleep(5000); // both floors filled with the morning so far
  const sockets: RawSocket[] = [];
  for (let i = 0; i < CONSUMERS; i++) {
    const s = await openSocket(port, { authorization: `Bearer ${loaded.adminSecret}` });
    if (s.status !== 101) throw new Error(`consumer ${i}: handshake answered ${s.status}`);
    s.socket.pause(); // never reads again: its pushes pile up in the kernel, then in the host
    sockets.push(s);
  }
  const bodies = await Promise.all(Array.from({ length: BODIES }, () => bigBody(port)));
  console.log(`bodies: answered ${bodies.map((b) => b.status).join(', ')}; sent before the answer ${bodies.map((b) => `${(b.sent / 2 ** 20).toFixed(0)} MiB`).join(', ')}`);
  for (let t = 0; t < SECONDS; t += 10) {
    await sleep(10_000);
    console.log(`${t + 10} s: loaded RSS ${mib(status(loaded.process.pid!, 'VmRSS'))}, idle RSS ${mib(status(idle.process.pid!, 'VmRSS'))}`);
  }
  for (const s of sockets) s.socket.destroy();
  const [idlePeak, loadedPeak] = [status(idle.process.pid!, 'VmHWM'), status(loaded.process.pid!, 'VmHWM')];
  console.log(`peak RSS: loaded ${mib(loadedPeak)}, idle ${mib(idlePeak)}: +${mib(loadedPeak - idlePeak)} (target < +150 MiB)`);
  for (const after of [10, 30]) {
    await sleep((after === 10 ? 10 : 20) * 1000);
    const [idleFinal, loadedFinal] = [status(idle.process.pid!, 'VmRSS'), status(loaded.process.pid!, 'VmRSS')];
    console.log(`final RSS (clients closed ${after} s ago): loaded ${mib(loadedFinal)}, idle ${mib(idleFinal)}: ${loadedFinal >= idleFinal ? '+' : '-'}${mib(Math.abs(loadedFinal - idleFinal))} (target within 50 MiB)`);
  }
} finally {
  for (const h of hosts) await h.stop();
}
