/**
 * One board's editor: its settings as fields, its pages and tiles as YAML, saved through boards/save. The host's
 * validator is the only judge: every issue it gives comes back at its place, a setting's at its field, each of the
 * pages' by the YAML with its path ("pages.0.tiles.2: overlaps tile 1"), so the admin finds it in the text.
 */
import { useState } from 'react';
import { BOARD_THEMES, type BoardVersion } from '../../../../shared/boards';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/client-context';
import { TextField, useFieldErrors } from '../reports/form-fields';
import { ChoiceField, choicesOf, SubmitRow } from './form-parts';
import { issuePath, placeOf, readDraft, type BoardDraft, type IssuePlace } from './board-draft';

interface BoardEditorProps {
  draft: BoardDraft;
  onChange: (draft: BoardDraft) => void;
  /** A new board: its name can be chosen (a saved board's name is its key). */
  isNew: boolean;
  onSaved: (saved: BoardVersion) => void;
}

type Issue = { place: IssuePlace; path: string; message: string };

function issuesOf(e: unknown): Issue[] {
  if (e instanceof ApiError && e.issues.length > 0) return e.issues.map((i) => ({ place: placeOf(i.path), path: issuePath(i.path), message: i.message }));
  const message = e instanceof Error ? e.message.replace(/^[a-z]+\/[a-z-]+: /, '') : String(e);
  return [{ place: 'form', path: '', message }];
}

export function BoardEditor({ draft, onChange, isNew, onSaved }: BoardEditorProps) {
  const client = useClient();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = new Map<IssuePlace, string>(issues.filter((i) => i.place !== 'pages').map((i) => [i.place, i.message]));
  const { error, invalid } = useFieldErrors(fieldErrors, 'board');
  const pageIssues = issues.filter((i) => i.place === 'pages');
  const read = readDraft(draft);
  const set = <K extends keyof BoardDraft['settings']>(key: K, value: BoardDraft['settings'][K]) => onChange({ ...draft, settings: { ...draft.settings, [key]: value } });

  const save = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!read.ok) return setIssues([{ place: 'pages', path: 'pages', message: read.problem }]);
    setBusy(true);
    try {
      const version = await client.call('boards/save', { board: read.board });
      setIssues([]);
      setSaved(version.version);
      onSaved(version);
    } catch (e) {
      setIssues(issuesOf(e));
      setSaved(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel board-editor" onSubmit={save} noValidate aria-label={`Board ${draft.settings.name}`} data-testid="board-editor">
      <h2 className="panel__title">{isNew ? 'New board' : `Board “${draft.settings.name}”`}</h2>
      <div className="field-row">
        <TextField label="Name" value={draft.settings.name} readOnly={!isNew} onChange={(e) => set('name', e.target.value)} hint="Its address: /board/NAME" problem={error('name')} data-testid="board-name" {...invalid('name')} />
        <TextField label="Title" value={draft.settings.title} onChange={(e) => set('title', e.target.value)} problem={error('title')} data-testid="board-title" {...invalid('title')} />
        <ChoiceField label="Theme" value={draft.settings.theme} choices={choicesOf(BOARD_THEMES)} onChoose={(t) => set('theme', t)} problem={error('theme')} data-testid="board-theme" {...invalid('theme')} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.settings.showNames} onChange={(e) => set('showNames', e.target.checked)} data-testid="board-show-names" />
        <span>Show agents by name <span className="field__hint">(otherwise “Agent 12” pseudonyms)</span></span>
      </label>
      {error('showNames')}
      <label className="checkbox">
        <input type="checkbox" checked={draft.settings.jumpOnBreach} onChange={(e) => set('jumpOnBreach', e.target.checked)} data-testid="board-jump" />
        <span>Jump to a page whose standard breaches</span>
      </label>
      {error('jumpOnBreach')}
      <div className="board-editor__pages">
        <label className="field board-editor__yaml">
          <span className="field__label">Pages and tiles (YAML, as `boards export` writes them: docs/boards.md)</span>
          <textarea value={draft.pagesYaml} onChange={(e) => onChange({ ...draft, pagesYaml: e.target.value })} spellCheck={false} rows={22} data-testid="board-yaml" aria-invalid={pageIssues.length > 0 || undefined} />
        </label>
        <div className="board-editor__issues" aria-live="polite">
          {!read.ok && <p className="field__hint" data-testid="board-yaml-unread">Preview waits: {read.problem}</p>}
          {pageIssues.length > 0 && (
            <ul className="board-issues" data-testid="board-issues">
              {pageIssues.map((i) => (
                <li key={`${i.path}:${i.message}`} className="field-error" data-testid="board-issue">
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <SubmitRow busy={busy} label="Save" busyLabel="Saving…" testId="board-save">
        {saved !== null && (
          <span className="board-editor__saved" role="status" data-testid="board-saved">
            Saved: version {saved}
          </span>
        )}
        {error('form')}
      </SubmitRow>
    </form>
  );
}
