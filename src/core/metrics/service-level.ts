/**
 * Service level: the share of contacts served within a threshold T. Vendors count it differently (DOMAIN.md);
 * each formula here is one of theirs, computed from the same tally, so a standard can name the one its center
 * reports by and every figure says which it used.
 *
 * Terms (a contact's outcome as known at the window's end; its wait = queue entry to that outcome):
 *   answered within T   answered with wait <= T (inclusive, as Asterisk and most vendors count)
 *   abandoned within T  abandoned with wait <= T
 *   short abandons      abandoned with wait < the short-abandon threshold
 *   left                left the queue neither answered nor abandoned (EXITWITHKEY, a callback, a flow-out)
 *   offered             every contact that entered the queue, still waiting ones included
 */
import type { ServiceLevelFormula } from '../../shared/api';
import type { ContactTally } from './contact-metrics';

export interface ServiceLevelVariant {
  /** Whose formula it is. */
  vendor: string;
  definition: string;
  value(t: ContactTally): number | null;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export const SERVICE_LEVEL_VARIANTS: Record<ServiceLevelFormula, ServiceLevelVariant> = {
  floorboard: {
    vendor: 'Floorboard (default)',
    definition: 'answered within T / (answered + abandoned - short abandons)',
    value: (t) => ratio(t.answeredWithinThreshold, t.answered + t.abandoned - t.shortAbandoned),
  },
  asterisk: {
    vendor: 'Asterisk app_queue (SL)',
    definition: 'answered within T / answered',
    value: (t) => ratio(t.answeredWithinThreshold, t.answered),
  },
  'asterisk-sl2': {
    vendor: 'Asterisk app_queue (SL2)',
    definition: '(answered within T + abandoned within T) / (answered + abandoned)',
    value: (t) => ratio(t.answeredWithinThreshold + t.abandonedWithinThreshold, t.answered + t.abandoned),
  },
  connect: {
    vendor: 'Amazon Connect (service level X)',
    definition: '(answered + abandoned + left) within T / (answered + abandoned + left)',
    value: (t) => ratio(t.answeredWithinThreshold + t.abandonedWithinThreshold + t.leftWithinThreshold, t.answered + t.abandoned + t.leftOtherwise),
  },
  genesys: {
    vendor: 'Genesys Cloud (default parts: abandons and flow-outs count, short abandons not excluded)',
    definition: 'answered within T / (answered + abandoned + left)',
    value: (t) => ratio(t.answeredWithinThreshold, t.answered + t.abandoned + t.leftOtherwise),
  },
  talkdesk: {
    vendor: 'Talkdesk',
    definition: 'answered within T / (offered - short abandons)',
    value: (t) => ratio(t.answeredWithinThreshold, t.offered - t.shortAbandoned),
  },
  flex: {
    vendor: 'Twilio Flex Insights',
    definition: 'answered within T / (answered + abandoned - short abandons), T per queue and channel',
    value: (t) => ratio(t.answeredWithinThreshold, t.answered + t.abandoned - t.shortAbandoned),
  },
};

export const DEFAULT_SERVICE_LEVEL_FORMULA: ServiceLevelFormula = 'floorboard';

export function serviceLevel(t: ContactTally, formula: ServiceLevelFormula = DEFAULT_SERVICE_LEVEL_FORMULA): number | null {
  return SERVICE_LEVEL_VARIANTS[formula].value(t);
}
