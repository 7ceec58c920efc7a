import { useEffect, useState } from 'react';
import type { CenterSettings, CenterSettingsView, FloorSnapshot } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { useClient } from '../../api/client-context';
import { FloorHeader } from '../floor/floor-header';
import { CenterForm } from './center-form';
import './center.css';

const SETTING_WORDS: Record<keyof CenterSettings, string> = { name: 'name', timeZone: 'time zone', resetHour: 'today starts at', weekStart: 'week starts on' };

function settingText(key: keyof CenterSettings, value: string | number): string {
  if (key === 'resetHour') return `${String(value).padStart(2, '0')}:00`;
  if (key === 'weekStart') return `${String(value)[0].toUpperCase()}${String(value).slice(1)}`;
  return String(value);
}

interface CenterViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

/**
 * The admin's Center screen: the center's name and calendar, kept in the database for the app, the host and the CLI
 * alike. A running engine keeps the calendar it started with, so the screen says when a saved change waits for a
 * restart rather than pretending it applies at once.
 */
export function CenterView({ snapshot, connection, receivedAt }: CenterViewProps) {
  const client = useClient();
  const [settings, setSettings] = useState<CenterSettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    client.call('center/get', {}).then(
      (v) => (setSettings(v), setLoadError(null)),
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [client]);

  return (
    <div className="floor center-screen" data-testid="center-view">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} view="center" />
      <main className="center-main">
        <p className="center-explain">
          The center’s calendar, kept in its database: the desktop app, the headless host and every CLI command on it read the same one. The
          CLI sets it too (<code>npm run cli -- center set</code>).
        </p>
        {loadError && (
          <p className="banner banner--warn" role="alert">
            Cannot read the settings: {loadError}
          </p>
        )}
        {settings && settings.pending.length > 0 && (
          <p className="banner banner--warn center-restart" role="status" data-testid="center-restart">
            <span>
              Saved, and applied when Floorboard next starts (the desktop app, or the host’s <code>serve</code>):{' '}
              {settings.pending.map((k) => `${SETTING_WORDS[k]} ${settingText(k, settings.stored[k] ?? settings.inUse[k])} (now ${settingText(k, settings.inUse[k])})`).join(', ')}.
            </span>
          </p>
        )}
        <section className="panel">{settings && <CenterForm settings={settings} onSaved={setSettings} />}</section>
      </main>
    </div>
  );
}
