/**
 * The admin's Boards screen: the boards (opened in the editor, copied into a new one, removed), the open board's
 * editor beside a live preview drawn from the console's own snapshot, and the screens with pairing. Lists are read
 * again after each change the screen makes, so versions and screen counts are the host's, never guessed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FloorSnapshot } from '../../../../shared/api';
import type { BoardListEntry } from '../../../../shared/api-boards';
import type { Board, BoardScreen } from '../../../../shared/boards';
import type { ConnectionState } from '../../api/client';
import { useClient } from '../../api/client-context';
import { FloorHeader } from '../floor/floor-header';
import { copyOf, draftOf, readDraft, type BoardDraft } from './board-draft';
import { BoardEditor } from './board-editor';
import { BoardList } from './board-list';
import { BoardPreview } from './board-preview';
import { refusalOf } from './confirm-in-place';
import { PairForm } from './pair-form';
import { ScreenList } from './screen-list';
import '../access/access.css';
import './boards-admin.css';

interface BoardsAdminViewProps {
  snapshot: FloorSnapshot;
  connection: ConnectionState;
  receivedAt: number | null;
}

/** A name for a new board not taken yet: board-2, board-3... */
function freeName(boards: BoardListEntry[]): string {
  const taken = new Set(boards.map((b) => b.name));
  for (let n = 2; ; n++) if (!taken.has(`board-${n}`)) return `board-${n}`;
}

/** The board in the editor; `shown` is the draft as last it read, so the preview holds while the YAML is mid-edit. */
interface Editing {
  id: number;
  draft: BoardDraft;
  isNew: boolean;
  shown: Board;
}

let opened = 0;
const editingOf = (draft: BoardDraft, isNew: boolean): Editing => {
  const read = readDraft(draft);
  return { id: ++opened, draft, isNew, shown: read.ok ? read.board : { ...draft.settings, pages: [] } };
};
function withDraft(editing: Editing, draft: BoardDraft): Editing {
  const read = readDraft(draft);
  return { ...editing, draft, shown: read.ok ? read.board : editing.shown };
}

export function BoardsAdminView({ snapshot, connection, receivedAt }: BoardsAdminViewProps) {
  const client = useClient();
  const [boards, setBoards] = useState<BoardListEntry[] | null>(null);
  const [screens, setScreens] = useState<BoardScreen[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const load = useCallback(() => {
    Promise.all([client.call('boards/list', {}), client.call('boards/screens', {})]).then(
      ([b, s]) => (setBoards(b), setScreens(s), setLoadError(null)),
      (e: unknown) => setLoadError(refusalOf(e)),
    );
  }, [client]);
  useEffect(load, [load]);

  /** Open a board in the editor, or (`newName`) a copy of it as a new board under that name. */
  const open = useCallback(
    (name: string, newName?: string) => {
      client.call('boards/get', { name }).then(
        (v) => setEditing(editingOf(newName === undefined ? draftOf(v.board) : copyOf(v.board, newName), newName !== undefined)),
        (e: unknown) => setLoadError(refusalOf(e)),
      );
    },
    [client],
  );
  useEffect(() => open('floor'), [open]);

  const remove = async (name: string): Promise<string | null> => {
    try {
      await client.call('boards/remove', { name });
      if (editing?.draft.settings.name === name) open('floor');
      load();
      return null;
    } catch (e) {
      return refusalOf(e);
    }
  };
  const revoke = async (screen: string): Promise<string | null> => {
    try {
      await client.call('boards/revoke-screen', { screen });
      load();
      return null;
    } catch (e) {
      return refusalOf(e);
    }
  };

  return (
    <div className="floor access-screen boards-admin" data-testid="boards-view">
      <FloorHeader snapshot={snapshot} connection={connection} receivedAt={receivedAt} view="boards" />
      <main className="access-main boards-admin__main">
        {loadError && (
          <p className="banner banner--warn" role="alert">
            Cannot read the boards: {loadError}
          </p>
        )}
        <section className="panel" aria-labelledby="boards-title">
          <div className="boards-admin__bar">
            <h2 className="panel__title" id="boards-title">
              Boards
            </h2>
            <button type="button" className="button" onClick={() => open('floor', freeName(boards ?? []))} data-testid="new-board">
              New board
            </button>
          </div>
          {boards && <BoardList boards={boards} open={editing?.draft.settings.name ?? null} onOpen={(name) => open(name)} onRemove={remove} />}
        </section>
        {editing && (
          <div className="boards-admin__work">
            <BoardEditor
              key={editing.id}
              draft={editing.draft}
              isNew={editing.isNew}
              onChange={(draft) => setEditing(withDraft(editing, draft))}
              onSaved={() => (setEditing({ ...editing, isNew: false }), load())}
            />
            <BoardPreview board={editing.shown} snapshot={snapshot} />
          </div>
        )}
        <section className="panel" aria-labelledby="screens-title">
          <h2 className="panel__title" id="screens-title">
            Screens
          </h2>
          <ScreenList screens={screens} timeZone={snapshot.center.timeZone} onRevoke={revoke} />
          <PairForm boards={(boards ?? []).map((b) => b.name)} onPaired={load} />
        </section>
      </main>
    </div>
  );
}
