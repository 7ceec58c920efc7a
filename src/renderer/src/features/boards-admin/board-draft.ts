/**
 * A board as the Boards screen edits it: its settings as fields and its pages as YAML text (the `pages:` of a
 * `boards export` file, docs/boards.md). The host's validator is the judge (boards/save); what is parsed here
 * only feeds the preview, so a draft whose YAML does not read yet keeps the last preview that did.
 */
import YAML from 'yaml';
import type { Board, BoardPage, BoardTheme } from '../../../../shared/boards';

interface BoardSettings {
  name: string;
  title: string;
  theme: BoardTheme;
  showNames: boolean;
  jumpOnBreach: boolean;
}

export interface BoardDraft {
  settings: BoardSettings;
  pagesYaml: string;
}

export function draftOf(board: Board): BoardDraft {
  const { pages, ...settings } = board;
  return { settings, pagesYaml: YAML.stringify({ pages }) };
}

export type DraftRead = { ok: true; board: Board } | { ok: false; problem: string };

/** The draft as a board to save and preview, or why its YAML does not read as pages. */
export function readDraft(draft: BoardDraft): DraftRead {
  let doc: unknown;
  try {
    doc = YAML.parse(draft.pagesYaml);
  } catch (e) {
    return { ok: false, problem: `not YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  const pages = (doc as { pages?: unknown } | null)?.pages;
  if (!Array.isArray(pages) || pages.length === 0) return { ok: false, problem: 'the text needs a `pages:` list with at least one page' };
  return { ok: true, board: { ...draft.settings, pages: pages as BoardPage[] } };
}

/** A copy of a board under a new name: the start of a new board. */
export function copyOf(board: Board, name: string): BoardDraft {
  return draftOf({ ...board, name, title: `${board.title} (copy)` });
}

/** Where the editor shows an issue of boards/save ("board.pages.0.tiles.2"): at a setting's field, or by the YAML. */
export type IssuePlace = keyof BoardSettings | 'pages' | 'form';

export function placeOf(path: string): IssuePlace {
  const head = path.replace(/^board\.?/, '').split('.')[0];
  if (head === 'pages') return 'pages';
  return head === 'name' || head === 'title' || head === 'theme' || head === 'showNames' || head === 'jumpOnBreach' ? head : 'form';
}

/** An issue's path as the admin reads it against the YAML: without the request's `board.` prefix. */
export const issuePath = (path: string): string => path.replace(/^board\.?/, '');
