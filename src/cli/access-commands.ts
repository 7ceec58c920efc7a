/**
 * `npm run cli -- access ...`: viewer tokens and the admin secret of a database, from the command line (the CLI is
 * admin: it opens the database). Works while the app or `serve` runs on the same database: a token made or revoked
 * here is seen by the host at its next request, and within seconds by its open WebSockets.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createAccess, MAX_TOKEN_DAYS, TOKEN_NAME } from '../core/access/access';
import { adminSecretPath, ensureAdminSecret, fileAdminSecret, rotateAdminSecret } from '../core/access/admin-secret';
import { openDatabase } from '../core/store/database';
import { createStoreWriter } from '../core/store/store-writer';
import type { AccessTokenView } from '../shared/api';
import { textTable } from './text-table';
import { dbOptions, dbPathOf, type DbOption } from './db-option';

function withAccess<T>(o: DbOption, work: (access: ReturnType<typeof createAccess>) => T): T {
  const path = dbPathOf(o);
  const db = openDatabase({ path });
  try {
    return work(createAccess({ store: createStoreWriter(db), secret: fileAdminSecret(adminSecretPath(path)), now: Date.now }));
  } finally {
    db.close();
  }
}

/** "90d", "12w", "1y" or a number of days. */
function expiresDays(v: string): number {
  const m = /^(\d{1,5})([dwy]?)$/.exec(v.trim());
  const days = m ? Number(m[1]) * { '': 1, d: 1, w: 7, y: 365 }[m[2] as '' | 'd' | 'w' | 'y'] : NaN;
  if (!(days >= 1 && days <= MAX_TOKEN_DAYS)) throw new InvalidArgumentError(`--expires ${v}: expected days such as 90d, 12w or 1y (1 day to ${MAX_TOKEN_DAYS / 365} years)`);
  return days;
}

function tokenName(v: string): string {
  if (!TOKEN_NAME.test(v)) throw new InvalidArgumentError(`"${v.slice(0, 80)}" is not a token name: 1-64 letters, digits, spaces, ".", "-" or "_", starting with a letter or digit`);
  return v;
}

export const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z');

export function registerAccessCommands(program: Command): void {
  const access = program.command('access').description('Who may use the console and the API: viewer tokens and the admin secret (docs/security.md).');
  const token = access.command('token').description('Named read-only viewer tokens (wall displays, managers\' browsers).');

  dbOptions(token.command('create').argument('<name>', 'a name for the token (who or which screen holds it)', tokenName))
    .description('Make a viewer token and print it once (it is stored hashed).')
    .option('--expires <days>', 'it stops working after this long: 90d, 12w, 1y (default: never)', expiresDays)
    .option('--names', 'show agents by name (default: as stable pseudonyms, "Agent 12")')
    .option('--url <url>', 'the console\'s address, to print a ready link (e.g. http://10.0.0.5:4400/)')
    .action(async (name: string, o: DbOption & { expires?: number; names?: boolean; url?: string }) => {
      const made = withAccess(o, (a) => a.handlers['access/create-token']({ name, expiresDays: o.expires, names: o.names }));
      console.log(`viewer token "${made.view.name}" (${made.view.names ? 'agents by name' : 'agents pseudonymized'}, ${made.view.expiresAt === null ? 'never expires' : `expires ${when(made.view.expiresAt)}`}):`);
      console.log(`  ${made.token}`);
      if (o.url !== undefined) console.log(`  link: ${new URL(`?token=${made.token}`, o.url).href}`);
      console.log('It is shown this once. Send it as "Authorization: Bearer <token>", or open the console with ?token=<token>.');
    });

  dbOptions(token.command('list'))
    .description('The viewer tokens, with when each was made, expires and was last used.')
    .action(async (o: DbOption) => {
      const list: AccessTokenView[] = withAccess(o, (a) => a.handlers['access/tokens']({}));
      if (list.length === 0) return console.log('no viewer tokens');
      console.log(textTable(list.map((t) => ({ name: t.name, agents: t.names ? 'names' : 'pseudonyms', created: when(t.createdAt), expires: when(t.expiresAt), 'last used': when(t.lastUsedAt) }))));
    });

  dbOptions(token.command('revoke').argument('<name>', 'the token\'s name'))
    .description('Revoke a viewer token: refused at once, its open screens closed within seconds.')
    .action(async (name: string, o: DbOption) => {
      const r = withAccess(o, (a) => a.handlers['access/revoke-token']({ name }));
      console.log(`revoked "${r.revoked}"`);
    });

  const admin = access.command('admin').description('The install\'s admin secret (kept beside the database, mode 0600).');
  dbOptions(admin.command('rotate'))
    .description('Replace the admin secret: every admin session is signed out; prints the new login URL.')
    .option('--url <url>', 'the console\'s address', 'http://127.0.0.1:4400/')
    .action(async (o: DbOption & { url: string }) => {
      const secret = rotateAdminSecret(adminSecretPath(dbPathOf(o)));
      console.log(`admin secret rotated: every admin session is signed out.\nadmin login: ${new URL(`?token=${secret}`, o.url).href}`);
    });
  dbOptions(admin.command('login-url'))
    .description('Print the admin login URL (it carries the secret: keep it to yourself).')
    .option('--url <url>', 'the console\'s address', 'http://127.0.0.1:4400/')
    .action(async (o: DbOption & { url: string }) => {
      const { secret } = ensureAdminSecret(adminSecretPath(dbPathOf(o)));
      console.log(new URL(`?token=${secret}`, o.url).href);
    });
}
