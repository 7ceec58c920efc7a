/**
 * The window's title names the screen and the open alerts ("Floor · 2 alerts — Floorboard"), so a minimized window
 * or a browser tab says where things stand.
 */
import { useEffect } from 'react';
import type { AlertsSummary } from '../../../../shared/standards';
import { formatCount } from '../../../../shared/format';
import type { View } from './view-route';
import { VIEW_LABEL } from './view-nav';

export function pageTitle(view: View, alerts: AlertsSummary | undefined): string {
  const open = alerts?.open.length ?? 0;
  const alertText = open === 0 ? '' : ` · ${formatCount(open)} alert${open === 1 ? '' : 's'}`;
  return `${VIEW_LABEL[view]}${alertText} — Floorboard`;
}

/** Renders nothing: keeps document.title in step with the screen and its alerts. */
export function PageTitle({ view, alerts }: { view: View; alerts: AlertsSummary | undefined }) {
  const title = pageTitle(view, alerts);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
