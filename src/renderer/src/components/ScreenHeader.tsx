import type { ReactNode } from 'react';

interface ScreenHeaderProps {
  /** Which screen this is, beside the app's name: "Projects", "Trash", … */
  readonly screen: string;
  /** Buttons and links on the right. */
  readonly children?: ReactNode;
}

/** The bar at the top of every screen but an open project (which shows its name instead). */
export function ScreenHeader({ screen, children }: ScreenHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Neurite</span>
        <span className="brand-screen">{screen}</span>
      </div>
      <div className="header-actions">{children}</div>
    </header>
  );
}
