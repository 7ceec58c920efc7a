import { useMemo } from 'react';
import { CHANNELS, type FloorSnapshot, type QueueLive } from '../../../../shared/api';
import type { ConnectionState } from '../../api/client';
import { AgentSummary } from './agent-summary';
import { AgentTable } from './agent-table';
import { ChannelTile } from './channel-tile';
import { hoursLabel } from '../standards/standard-look';
import { FloorHeader } from './floor-header';
import { IntradayChart } from './intraday-chart';
import { QuarantineWarning } from './quarantine-warning';
import { QueueTile } from './queue-tile';
import { StaleWarning } from './stale-warning';
import { WeekLoading } from './week-loading';

interface FloorViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

/** Queues keep their place on the wall: by channel, then by name. */
function orderQueues(queues: QueueLive[]): QueueLive[] {
  return [...queues].sort(
    (a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) || a.name.localeCompare(b.name),
  );
}

export function FloorView({ snapshot, connection, receivedAt }: FloorViewProps) {
  const queues = useMemo(() => orderQueues(snapshot.queues), [snapshot.queues]);
  return (
    <div className="floor">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} />
      <div className="banners">
        <StaleWarning snapshot={snapshot} />
        <QuarantineWarning ingest={snapshot.ingest} />
        <WeekLoading standards={snapshot.standards} timeZone={snapshot.center.timeZone} />
      </div>
      <main className="floor-main">
        <section className="channel-row" aria-label="Channels">
          {CHANNELS.map((channel) => (
            <ChannelTile
              key={channel}
              channel={channel}
              live={snapshot.channels.find((c) => c.channel === channel)}
              queues={queues.filter((q) => q.channel === channel)}
              standards={snapshot.standards ? snapshot.standards.results.filter((r) => r.key === channel) : null}
              definitions={snapshot.standards?.definitions}
              hours={hoursLabel(snapshot.standards?.hours?.find((h) => h.channel === channel), snapshot.center.timeZone)}
            />
          ))}
        </section>
        <section className="queue-grid" aria-label="Queues">
          {queues.length === 0 ? (
            <p className="empty">No queues configured yet</p>
          ) : (
            queues.map((q) => <QueueTile key={q.name} queue={q} targets={snapshot.standards?.serviceTargets?.find((t) => t.channel === q.channel)} />)
          )}
        </section>
        <div className="floor-bottom">
          <IntradayChart snapshot={snapshot} />
          <section className="panel agents" aria-label="Agents">
            <div className="agents__head">
              <h2 className="panel__title">Agents</h2>
              <AgentSummary snapshot={snapshot} />
            </div>
            <AgentTable agents={snapshot.agents} now={snapshot.now} />
          </section>
        </div>
      </main>
    </div>
  );
}
