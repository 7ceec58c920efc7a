/**
 * Desktop notifications of alerts (Electron's Notification), kept apart from the shell so they are tested
 * without Electron: what each notification says, and that a burst (a start-up, a floor-wide breach) makes one
 * summary instead of a stack of toasts. Clicking one opens the Standards screen. Each carries the app icon.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { AlertView } from '../shared/standards';
import { APP_ICON } from './app-icon';

/** What the shell needs of Electron's Notification. */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}
export type NotificationFactory = (options: NotificationConstructorOptions) => NotificationLike;

/** More alerts at once than this make one summary notification. */
export const MAX_SEPARATE = 3;

const COLUMN: Record<string, string> = { center: 'Center', voice: 'Voice', chat: 'Chat', email: 'Email', message: 'Messaging' };
const column = (key: string) => COLUMN[key] ?? (key.startsWith('queue:') ? `Queue ${key.slice(6)}` : key);

/** The notifications for alerts that just fired: one each, or one summary for a burst. */
function alertNotices(alerts: readonly AlertView[]): NotificationConstructorOptions[] {
  if (alerts.length === 0) return [];
  if (alerts.length > MAX_SEPARATE) {
    const names = alerts.map((a) => `${a.standardName} (${column(a.key)})`);
    return [{ title: `${alerts.length} standards below expected`, body: `${names.slice(0, MAX_SEPARATE).join('; ')} and ${alerts.length - MAX_SEPARATE} more. Open Floorboard to acknowledge.`, urgency: 'critical' }];
  }
  return alerts.map((a) => ({ title: `Below expected: ${a.standardName}`, body: `${column(a.key)}: ${a.basis}`, urgency: 'critical' }));
}

/** Show the notifications for alerts that just fired; a click calls onClick. Returns how many were shown. */
export function notifyAlerts(alerts: readonly AlertView[], create: NotificationFactory, onClick: () => void): number {
  const notices = alertNotices(alerts);
  for (const options of notices) {
    const n = create({ ...options, icon: APP_ICON });
    n.on('click', onClick);
    n.show();
  }
  return notices.length;
}
