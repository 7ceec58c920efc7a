/**
 * A tile's state from the standards measured on its channel: the weakest tier wins (below expected is an alert,
 * below desired a warning, desired or delight on target). With standards but none measured, the tile is idle and
 * says so. This replaces the fixed targets of floor/status.ts wherever the host evaluates standards.
 */
import type { StandardResult } from '../../../../shared/standards';
import type { StatusVerdict } from '../floor/status';
import { STATUS_LOOK, STATUS_ORDER } from './standard-look';

export function standardsVerdict(results: readonly StandardResult[]): StatusVerdict & { cause: StandardResult | null } {
  const measured = results.filter((r) => r.status !== 'no-data');
  if (measured.length === 0) return { status: 'idle', icon: '○', text: 'no standard measured', cause: null };
  const worst = [...measured].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))[0];
  const look = STATUS_LOOK[worst.status];
  // below target: the standard that sets the tile's state, so the tile can say which (it may show no figure of it)
  const cause = look.tone === 'warn' || look.tone === 'alert' ? worst : null;
  return { status: look.tone, icon: look.icon, text: look.text, cause };
}
