import './lazy-part.css';
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';

interface LazyPartProps {
  /** What shows while the part's code loads. */
  readonly fallback: ReactNode;
  /** The lazily loaded part (React.lazy). */
  readonly children: ReactNode;
}

/**
 * A part of the page whose code loads when it is first shown (React.lazy). When Neurite is
 * rebuilt or updated while the page is open, the part's old file is gone (a 404): instead of a
 * blank page, the student is told to reload. Any other error is not this one's to explain.
 */
export class LazyPart extends Component<LazyPartProps, { error?: { thrown: unknown } }> {
  override state: { error?: { thrown: unknown } } = {};

  static getDerivedStateFromError(thrown: unknown): { error: { thrown: unknown } } {
    return { error: { thrown } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (isLoadFailure(error))
      console.warn('A part of the page could not be loaded:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    // Not a missing file: the error goes on up, as if this part were not here.
    if (error && !isLoadFailure(error.thrown)) throw error.thrown;
    if (error) {
      return (
        <div className="banner banner-error lazy-part-failed" role="alert">
          <p>Neurite was updated while this page was open. Reload the page to go on.</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      );
    }
    return <Suspense fallback={this.props.fallback}>{this.props.children}</Suspense>;
  }
}

/** What Chromium, Firefox, Safari and Vite's preloader throw when a chunk's file is gone. */
function isLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(
    message,
  );
}
