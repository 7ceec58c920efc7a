import { describe, expect, it } from 'vitest';
import { addToTally, classifyContact, emptyTally, metricsFromTally } from '../../src/core/metrics/contact-metrics';
import { metricsForContacts } from '../../src/core/metrics/window-metrics';
import type { Contact } from '../../src/core/model/types';
import { at } from '../helpers/events';

const contact = (id: string, queued: number, o: Partial<Contact> = {}): Contact => ({
  id, channel: 'voice', queue: 'Billing', agentId: null, queuedAt: at(queued), answeredAt: null,
  firstResponseAt: null, abandonedAt: null, endedAt: null, wrapupEndAt: null, ...o,
});

// Hand-computed case, voice, T = 20 s, short abandon < 5 s, window [0 s, 600 s):
//   A queued 0, answered 10 -> answered within T (wait 10)
//   B queued 0, answered 30 -> answered late (wait 30)
//   C queued 60, abandoned 63 -> short abandon (wait 3)
//   D queued 100, abandoned 150 -> abandon (wait 50)
//   E queued 500, still waiting at 600 -> waiting (wait 100 at the end)
//   F queued 700 -> outside the window
// offered 5, answered 2, abandoned 2 (1 short), within T 1, waiting 1
// SL = 1 / (2 + 2 - 1) = 1/3; ASA = (10 + 30) / 2 = 20 s; abandon rate = (2 - 1) / 3 = 1/3; longest wait = 100 s
const contacts = [
  contact('A', 0, { answeredAt: at(10) }),
  contact('B', 0, { answeredAt: at(30) }),
  contact('C', 60, { abandonedAt: at(63) }),
  contact('D', 100, { abandonedAt: at(150) }),
  contact('E', 500),
  contact('F', 700, { answeredAt: at(705) }),
];
const queues = [{ name: 'Billing', channel: 'voice' as const, timeZone: null, slThresholdSeconds: 20 }];

describe('contact metrics (hand-computed)', () => {
  it('computes every figure of the default definitions over a window', () => {
    const [m] = metricsForContacts(contacts, queues, { from: at(0), to: at(600), by: 'center', shortAbandonSeconds: 5 });
    expect(m).toMatchObject({ key: 'center', offered: 5, answered: 2, abandoned: 2, shortAbandoned: 1, answeredWithinThreshold: 1, waiting: 1 });
    expect(m.serviceLevel).toBeCloseTo(1 / 3, 10);
    expect(m.asaSeconds).toBe(20);
    expect(m.abandonRate).toBeCloseTo(1 / 3, 10);
    expect(m.longestWaitSeconds).toBe(100);
  });

  it('computes each service-level formula on the same contacts, and a threshold asked for instead of the queue\'s', () => {
    // The contacts above plus G, which left the queue (a key press) after 12 s, and H, which abandoned after 15 s:
    //   answered 2 (A within T), abandoned 3 (C short at 3 s; D at 50 s; H at 15 s, within T), left 1 (G, within T),
    //   waiting 1 (E), offered 7.
    const more = [...contacts, contact('G', 200, { endedAt: at(212) }), contact('H', 300, { abandonedAt: at(315) })];
    const sl = (formula: Parameters<typeof metricsForContacts>[2]['formula'], thresholdSeconds?: number) =>
      metricsForContacts(more, queues, { from: at(0), to: at(600), by: 'center', shortAbandonSeconds: 5, formula, thresholdSeconds })[0].serviceLevel;
    // floorboard, flex: within 1 / (2 + 3 - 1)           = 1/4
    expect(sl('floorboard')).toBeCloseTo(1 / 4, 12);
    expect(sl('flex')).toBeCloseTo(1 / 4, 12);
    expect(sl(undefined)).toBeCloseTo(1 / 4, 12);
    // asterisk: within 1 / answered 2                    = 1/2
    expect(sl('asterisk')).toBeCloseTo(1 / 2, 12);
    // asterisk-sl2: (1 + abandoned within T: C, H = 2) / (2 + 3)          = 3/5
    expect(sl('asterisk-sl2')).toBeCloseTo(3 / 5, 12);
    // connect: (1 + 2 + left within T: G = 1) / (2 + 3 + 1)               = 4/6
    expect(sl('connect')).toBeCloseTo(4 / 6, 12);
    // genesys: 1 / (2 + 3 + 1)                           = 1/6
    expect(sl('genesys')).toBeCloseTo(1 / 6, 12);
    // talkdesk: 1 / (offered 7 - short 1)                = 1/6
    expect(sl('talkdesk')).toBeCloseTo(1 / 6, 12);
    // T = 30 s for every queue: B (30 s) is within too -> floorboard 2/4; asterisk 2/2
    expect(sl('floorboard', 30)).toBeCloseTo(2 / 4, 12);
    expect(sl('asterisk', 30)).toBe(1);
    // T = 0: nothing waited 0 s -> 0
    expect(sl('connect', 0)).toBe(0);
  });

  it('judges outcomes at the window end: a contact answered after it is still waiting', () => {
    const [m] = metricsForContacts(contacts, queues, { from: at(0), to: at(20), by: 'center', shortAbandonSeconds: 5 });
    // A answered at 10 (within), B not yet answered at 20 -> waiting 20 s
    expect(m).toMatchObject({ offered: 2, answered: 1, waiting: 1, answeredWithinThreshold: 1 });
    expect(m.serviceLevel).toBe(1);
    expect(m.longestWaitSeconds).toBe(20);
  });

  it('counts an answer exactly at T as within T', () => {
    const k = classifyContact(contact('X', 0, { answeredAt: at(20) }), { thresholdMs: 20_000, shortAbandonMs: 5000, at: at(100) });
    expect(k.withinThreshold).toBe(true);
  });

  it('treats an abandon at exactly the short-abandon threshold as a real abandon', () => {
    const k = classifyContact(contact('X', 0, { abandonedAt: at(5) }), { thresholdMs: 20_000, shortAbandonMs: 5000, at: at(100) });
    expect(k).toMatchObject({ outcome: 'abandoned', shortAbandon: false });
  });

  it('has no service level, ASA or abandon rate when nothing left the queue', () => {
    const m = metricsFromTally(emptyTally());
    expect([m.serviceLevel, m.asaSeconds, m.abandonRate, m.longestWaitSeconds]).toEqual([null, null, null, null]);
  });

  it('removing a classification exactly undoes adding it', () => {
    const t = emptyTally();
    const o = { thresholdMs: 20_000, shortAbandonMs: 5000, at: at(1000) };
    const k1 = classifyContact(contacts[0], o);
    const k2 = classifyContact(contacts[3], o);
    addToTally(t, k1);
    addToTally(t, k2);
    addToTally(t, k2, -1);
    expect(metricsFromTally(t)).toMatchObject({ offered: 1, answered: 1, abandoned: 0, serviceLevel: 1, asaSeconds: 10 });
  });

  it('groups by queue and by channel, each queue with its own threshold', () => {
    const cs = [
      contact('v1', 0, { answeredAt: at(15) }),
      { ...contact('c1', 0, { answeredAt: at(45), firstResponseAt: at(50) }), channel: 'chat' as const, queue: 'Web Chat' },
    ];
    const qs = [...queues, { name: 'Web Chat', channel: 'chat' as const, timeZone: null, slThresholdSeconds: 60 }];
    const byQueue = metricsForContacts(cs, qs, { from: at(0), to: at(600), by: 'queue', shortAbandonSeconds: 5 });
    expect(byQueue.map((r) => [r.key, r.serviceLevel])).toEqual([['Billing', 1], ['Web Chat', 1]]);
    const byChannel = metricsForContacts(cs, qs, { from: at(0), to: at(600), by: 'channel', shortAbandonSeconds: 5 });
    expect(byChannel.find((r) => r.key === 'chat')?.avgFirstResponseSeconds).toBe(50);
  });
});
