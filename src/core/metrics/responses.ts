/**
 * Responses on async contacts (chat, email, message): the first response and the next responses of a
 * conversation, from its turns (customer follow-ups, agent replies, bot replies).
 *
 * Definitions (docs/standards.md):
 *   first response      the earliest agent reply; with bot replies counting (a standard's botRepliesCount), the
 *                       earliest reply of an agent or a bot
 *   next response time  per customer message after the first response: from the oldest customer message not
 *                       answered yet to the next reply (Zendesk's "next reply time", Chatwoot's "reply time");
 *                       customer messages before the first response belong to the first response's wait. A
 *                       contact's figure is the list of these waits; a standard's figure is their mean over the
 *                       contacts of its window, counting the replies made by now. Ties: a message and a reply at
 *                       the same instant are read message first (a wait of 0).
 *
 * Turns are stored on the contact row as compact text, "ts:c,ts:a,ts:b" (c customer, a agent, b bot), in time
 * order; the same turn twice is one turn (a replayed event changes nothing).
 */
import type { Contact, Turn } from '../model/types';

const CODE: Record<Turn['by'], string> = { customer: 'c', agent: 'a', bot: 'b' };
const BY: Record<string, Turn['by']> = { c: 'customer', a: 'agent', b: 'bot' };
const ORDER: Record<Turn['by'], number> = { customer: 0, agent: 1, bot: 2 };

export function decodeTurns(text: string | null): Turn[] | null {
  if (!text) return null;
  const turns: Turn[] = [];
  for (const part of text.split(',')) {
    const i = part.indexOf(':');
    const by = BY[part.slice(i + 1)];
    const at = Number(part.slice(0, i));
    if (by !== undefined && Number.isFinite(at)) turns.push({ at, by });
  }
  return turns;
}

function encodeTurns(turns: readonly Turn[]): string {
  return turns.map((t) => `${t.at}:${CODE[t.by]}`).join(',');
}

/** The stored text with one more turn in its place; null when the turn is there already. */
export function withTurn(text: string | null, turn: Turn): string | null {
  const code = `${turn.at}:${CODE[turn.by]}`;
  if (!text) return code;
  // the usual case, a turn after the last one: appended without reading the others
  const tail = text.slice(text.lastIndexOf(',') + 1);
  const colon = tail.indexOf(':');
  const lastAt = Number(tail.slice(0, colon));
  const lastBy = BY[tail.slice(colon + 1)];
  if (lastBy !== undefined && (turn.at > lastAt || (turn.at === lastAt && ORDER[turn.by] > ORDER[lastBy]))) return `${text},${code}`;
  const turns = decodeTurns(text) ?? [];
  let i = turns.length;
  while (i > 0 && (turns[i - 1].at > turn.at || (turns[i - 1].at === turn.at && ORDER[turns[i - 1].by] > ORDER[turn.by]))) i--;
  if (i > 0 && turns[i - 1].at === turn.at && turns[i - 1].by === turn.by) return null;
  turns.splice(i, 0, turn);
  return encodeTurns(turns);
}

/** The first response of a contact: the agent's, or with bot replies counting the earlier of the agent's and the bot's. */
export function firstResponseOf(c: Contact, botRepliesCount: boolean): number | null {
  if (!botRepliesCount || c.firstAutoResponseAt == null) return c.firstResponseAt;
  return c.firstResponseAt === null ? c.firstAutoResponseAt : Math.min(c.firstResponseAt, c.firstAutoResponseAt);
}

/**
 * The next-response waits of a contact, in ms, for the replies made by `at`: one per customer message (or run of
 * messages) after the first response that a later reply answered.
 */
export function nextResponseWaits(c: Contact, botRepliesCount: boolean, at: number): number[] {
  const waits: number[] = [];
  if (!c.turns) return waits;
  let responded = false;
  let asked: number | null = null;
  for (const t of c.turns) {
    if (t.at > at) break;
    if (t.by === 'customer') {
      if (responded && asked === null) asked = t.at;
    } else if (t.by === 'agent' || botRepliesCount) {
      if (asked !== null) waits.push(t.at - asked);
      responded = true;
      asked = null;
    }
  }
  return waits;
}
