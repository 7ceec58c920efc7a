import { Component, type ReactNode } from 'react';

/** Seconds before a failed view is drawn again on its own (a wall display has nobody to press Reload). */
const RETRY_SECONDS = 10;

interface ViewBoundaryState {
  error: Error | null;
}

/**
 * A view that throws while drawing shows what failed and is drawn again after a few seconds, instead of leaving a
 * blank page (React unmounts the whole tree on an uncaught render error). Keyed by view in App, so navigating
 * away also starts clean.
 */
export class ViewBoundary extends Component<{ children: ReactNode }, ViewBoundaryState> {
  override state: ViewBoundaryState = { error: null };
  private retry: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(error: Error): ViewBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('view failed', error);
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => this.setState({ error: null }), RETRY_SECONDS * 1000);
  }

  override componentWillUnmount(): void {
    if (this.retry) clearTimeout(this.retry);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="loading" role="alert" data-testid="view-error">
        <h1 className="product-name">Floorboard</h1>
        <p>This view failed to draw: {error.message}. It is drawn again in {RETRY_SECONDS} seconds.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload now
        </button>
      </div>
    );
  }
}
