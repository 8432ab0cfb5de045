import { createContext, useContext } from 'react';
import type { Principal } from '@napl/auth';

/** What every page's frame and forms need to know about the request: who is signed in, its CSRF token, the path. */
export interface PageContextValue {
  readonly principal?: Principal;
  /** The browser session's CSRF token: every form posts it back as `_csrf`. */
  readonly csrfToken?: string;
  /** The request's path, to mark the current navigation item. */
  readonly path: string;
}

export const PageContext = createContext<PageContextValue>({ path: '/' });

export function usePageContext(): PageContextValue {
  return useContext(PageContext);
}
