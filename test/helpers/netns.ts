/**
 * A machine "on the LAN" for tests: a network namespace joined to this one by a veth pair on a private /30, made
 * by the test and removed after it. The host listens on its side (10.213.N.1); a client runs inside the namespace
 * (10.213.N.2) with this Node, or a browser started in it (`name`, test/helpers/lan-chromium.sh), so its requests
 * come from another address over a real link, and no traffic leaves the pair. Needs root and iproute2;
 * `lanNamespace()` says why when it cannot make one.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LanNamespace {
  /** The namespace's name, for `ip netns exec NAME ...`. */
  name: string;
  /** The host's address on the link (listen here or on 0.0.0.0). */
  hostAddress: string;
  /** The other machine's address. */
  peerAddress: string;
  /** POST a JSON body from inside the namespace, with these headers too; the HTTP status and the body text. */
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  remove(): void;
}

export function lanNamespace(): LanNamespace | { unavailable: string } {
  // another test's link (a vitest and a Playwright worker at once) may hold this pid's /30: the next free one then
  let taken = '';
  try {
    taken = execFileSync('ip', ['-o', '-4', 'addr', 'show'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // no iproute2: making the namespace below fails and says so
  }
  let n = process.pid % 250;
  for (let tried = 0; tried < 250 && taken.includes(`inet 10.213.${n}.`); tried++) n = (n + 1) % 250;
  const ns = `fbtest-${process.pid}`;
  const [a, b] = [`fbv${process.pid}a`, `fbv${process.pid}b`];
  const hostAddress = `10.213.${n}.1`;
  const peerAddress = `10.213.${n}.2`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const remove = () => {
    for (const args of [['netns', 'del', ns], ['link', 'del', a]]) {
      try {
        ip(...args);
      } catch {
        // already gone (deleting the namespace takes its end of the pair, and the pair with it)
      }
    }
  };
  try {
    ip('netns', 'add', ns);
    ip('link', 'add', a, 'type', 'veth', 'peer', 'name', b);
    ip('link', 'set', b, 'netns', ns);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', a);
    ip('link', 'set', a, 'up');
    ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${peerAddress}/30`, 'dev', b);
    ip('netns', 'exec', ns, 'ip', 'link', 'set', b, 'up');
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  } catch (e) {
    remove();
    return { unavailable: `no network namespace could be made (${((e as { stderr?: Buffer }).stderr?.toString() || (e as Error).message).trim()}): run as root with iproute2` };
  }
  const client = `
    const [url, body, headers] = process.argv.slice(1);
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...JSON.parse(headers) }, body, signal: AbortSignal.timeout(10000) })
      .then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, text: await r.text() })))
      .catch((e) => { process.stderr.write(String(e)); process.exit(1); });`;
  return {
    name: ns,
    hostAddress,
    peerAddress,
    async post(url, body, headers = {}) {
      const { stdout } = await run('ip', ['netns', 'exec', ns, process.execPath, '-e', client, url, JSON.stringify(body), JSON.stringify(headers)], { timeout: 15_000 });
      return JSON.parse(stdout) as { status: number; text: string };
    },
    remove,
  };
}
