import type { ReactNode } from 'react';
import { BackToProjects } from './BackToProjects';

interface ScreenHeaderProps {
  /** Which screen this is, beside the app's name: "Projects", "Trash", … */
  readonly screen: string;
  /** Buttons and links on the right. */
  readonly children?: ReactNode;
  /** Whether this is the list of projects itself, which needs no way back to it. */
  readonly projectsList?: boolean;
}

/** The bar at the top of every screen but an open project (which shows its name instead). */
export function ScreenHeader({ screen, children, projectsList = false }: ScreenHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Neurite</span>
        {!projectsList && <BackToProjects />}
        <span className="brand-screen">{screen}</span>
      </div>
      <div className="header-actions">{children}</div>
    </header>
  );
}
