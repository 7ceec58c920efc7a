/**
 * The independent computation of the Anonymous Bank month (test/fixtures/anonymous-bank): straight from the raw rows'
 * columns, no Floorboard code, for the tests that check Floorboard's figures against it.
 */
import { readFileSync } from 'node:fs';
import { BANK_FILE } from './host';

const text = readFileSync(BANK_FILE, 'utf8');

export interface Tally { offered: number; answered: number; abandoned: number; short: number; within: number; waitSum: number }
const hms = (s: string) => s.split(':').reduce((a, b) => a * 60 + Number(b), 0);
/** Per queue, the contacts whose queue entry falls on a day of February (local, Israel) that `filter` keeps. */
export function expected(filter: (day: number) => boolean) {
  const rows = text.split(/\r?\n/).filter(Boolean);
  const head = rows[0].split('\t');
  const col = (name: string) => head.indexOf(name);
  const byQueue = new Map<string, Tally>();
  let phantom = 0;
  let hangInMenu = 0;
  for (const line of rows.slice(1)) {
    const f = line.split('\t');
    const outcome = f[col('outcome')];
    const qTime = Number(f[col('q_time')]);
    const queued = f[col('q_start')] !== '0:00:00';
    if (outcome === 'PHANTOM') { phantom++; continue; }
    if (outcome === 'HANG' && !queued) { hangInMenu++; continue; }
    // the day the contact entered the queue (AGENT: ser_start - q_time, HANG: q_start), crossing midnight back
    // (50 AGENT rows have no service record, ser_start 0:00:00: they left the queue, or the menu, answered)
    const serStart = f[col('ser_start')] !== '0:00:00' ? hms(f[col('ser_start')]) : queued ? hms(f[col('q_exit')]) : hms(f[col('vru_exit')]);
    const entry = outcome === 'AGENT' ? serStart - qTime : hms(f[col('q_start')]);
    const day = Number(f[col('date')].slice(4, 6)) + (entry < 0 ? -1 : 0) + (entry < hms(f[col('vru_entry')]) - 3600 * 12 ? 1 : 0);
    if (!filter(day)) continue;
    const q = f[col('type')];
    const t = byQueue.get(q) ?? { offered: 0, answered: 0, abandoned: 0, short: 0, within: 0, waitSum: 0 };
    t.offered++;
    if (outcome === 'AGENT') {
      t.answered++;
      t.waitSum += qTime;
      if (qTime <= 20) t.within++;
    } else {
      t.abandoned++;
      if (qTime < 5) t.short++;
    }
    byQueue.set(q, t);
  }
  return { byQueue, phantom, hangInMenu };
}

