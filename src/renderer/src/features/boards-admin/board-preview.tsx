/**
 * A board's page as a wall screen of a chosen size would show it: the display's own components (BoardPageView)
 * in a box of exactly that many pixels, scaled down with a CSS transform to the width the console has. Not an
 * iframe: the desktop app's page has no host to load one from. A draft whose tiles the display cannot draw shows
 * why, and draws again at the next change.
 */
import { Component, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { FloorSnapshot } from '../../../../shared/api';
import type { Board } from '../../../../shared/boards';
import { formatHourMinute } from '../../../../shared/format';
import { BoardPageView } from '../board/board-page';
import { ChoiceField } from './form-parts';
import '../board/board.css';
import '../board/board-lists.css';

const SCREEN_SIZES = [
  { label: '1280 × 720', width: 1280, height: 720 },
  { label: '1920 × 1080', width: 1920, height: 1080 },
  { label: '3840 × 2160 (4K)', width: 3840, height: 2160 },
  { label: '1080 × 1920 (portrait)', width: 1080, height: 1920 },
] as const;

/** The preview is never taller than this share of the console's window, so the editor stays in view. */
const MAX_HEIGHT_SHARE = 0.7;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const measure = () => setWidth(ref.current?.clientWidth || 800);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return [ref, width];
}

/** The box's size and scale, and its 1% (--vh, --vmin) for the display's sizes in viewport units. */
function screenStyle(size: { width: number; height: number }, scale: number): CSSProperties {
  return { width: size.width, height: size.height, transform: `scale(${scale})`, ['--vh' as string]: `${size.height / 100}px`, ['--vmin' as string]: `${Math.min(size.width, size.height) / 100}px` };
}

export function BoardPreview({ board, snapshot }: { board: Board; snapshot: FloorSnapshot }) {
  const [sizeIndex, setSizeIndex] = useState(1);
  const [pageIndex, setPageIndex] = useState(0);
  const [ref, available] = useWidth();
  const size = SCREEN_SIZES[sizeIndex];
  const scale = Math.min(available / size.width, (window.innerHeight * MAX_HEIGHT_SHARE) / size.height);
  const shownIndex = Math.max(0, Math.min(pageIndex, board.pages.length - 1));
  const page = board.pages[shownIndex];
  return (
    <section className="panel boards-preview" aria-labelledby="boards-preview-title" data-testid="board-preview">
      <h2 className="panel__title" id="boards-preview-title">
        Preview
      </h2>
      <div className="field-row">
        <ChoiceField label="Screen" value={sizeIndex} choices={SCREEN_SIZES.map((s, i) => ({ value: i, label: s.label }))} onChoose={setSizeIndex} data-testid="preview-size" />
        <ChoiceField label="Page" value={shownIndex} choices={board.pages.map((p, i) => ({ value: i, label: `${i + 1}. ${String(p?.title ?? '')}` }))} onChoose={setPageIndex} data-testid="preview-page" />
      </div>
      <div ref={ref} className="boards-preview__room" style={{ height: size.height * scale }}>
        <div
          className="boards-preview__screen board"
          style={screenStyle(size, scale)}
          data-testid="preview-screen"
          data-size={`${size.width}x${size.height}`}
        >
          <div className="board__frame">
            <header className="board__head">
              <span className="board__title" data-testid="preview-title">{board.title}</span>
              <span className="board__page">{String(page?.title ?? '')}</span>
              <span className="board__clock">{formatHourMinute(snapshot.now, snapshot.center.timeZone)}</span>
            </header>
            <PreviewBoundary key={JSON.stringify(page)}>{page && <BoardPageView board={board} page={page} snapshot={snapshot} />}</PreviewBoundary>
          </div>
        </div>
      </div>
    </section>
  );
}

/** A tile the display cannot draw (a field of the wrong type in the YAML) shows why instead of blanking the screen. */
class PreviewBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <p className="boards-preview__broken" role="alert">
        This page cannot be drawn yet: {this.state.error.message}
      </p>
    );
  }
}
