import { useSyncExternalStore } from 'react';

/** The tabs of an open project, in the order they are shown. */
export const WORKSPACE_TABS = ['network', 'data', 'training'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

/**
 * Where the page is, read from the address's hash so that reload, back and forward work in
 * the browser and in the desktop window alike.
 */
export type Route =
  | { readonly screen: 'projects'; readonly trash: boolean; readonly creating?: boolean }
  | { readonly screen: 'project'; readonly projectId: string; readonly tab: WorkspaceTab }
  | { readonly screen: 'inspector' }
  | { readonly screen: 'editor'; readonly templateId: string | undefined };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').map(safeDecode);
  switch (parts[0]) {
    case 'project': {
      const projectId = parts[1];
      if (!projectId) return { screen: 'projects', trash: false };
      const tab = WORKSPACE_TABS.find((t) => t === parts[2]) ?? 'network';
      return { screen: 'project', projectId, tab };
    }
    case 'inspector':
      return { screen: 'inspector' };
    case 'editor':
      return { screen: 'editor', templateId: parts[1] || undefined };
    case 'trash':
      return { screen: 'projects', trash: true };
    case 'new':
      return { screen: 'projects', trash: false, creating: true };
    default:
      return { screen: 'projects', trash: false };
  }
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'projects':
      if (route.creating) return '#/new';
      return route.trash ? '#/trash' : '#/';
    case 'project':
      return `#/project/${encodeURIComponent(route.projectId)}/${route.tab}`;
    case 'inspector':
      return '#/inspector';
    case 'editor':
      return route.templateId ? `#/editor/${encodeURIComponent(route.templateId)}` : '#/editor';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function subscribeToHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash);
  return parseRoute(hash);
}
