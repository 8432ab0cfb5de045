import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ErrorSummary, type FieldError } from './components';
import { currentItem, navigationFor, ROLE_NAMES } from './navigation';
import { PageContext, usePageContext, type PageContextValue } from './page-context';

export const SERVICE_NAME = 'NAPL – Professionalisering leraren';

export interface LayoutProps {
  /** The page's one question or subject: the h1 and the start of the window title. */
  readonly title: string;
  /** The form's errors: "Fout: " in the window title and the error summary above the h1. */
  readonly errors?: readonly FieldError[];
  /** A line above the h1 (GOV.UK's caption), e.g. the offer a form belongs to. */
  readonly caption?: string;
  /** Above the heading, e.g. a back link. */
  readonly before?: ReactNode;
  readonly children: ReactNode;
}

/** Every page's frame: skip link, header with the user and sign-out, the role's navigation, main, footer. */
export function Layout({ title, errors = [], caption, before, children }: LayoutProps) {
  const { principal, csrfToken, path } = usePageContext();
  const items = principal ? navigationFor(principal.roles) : [];
  const current = currentItem(items, path);
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${errors.length > 0 ? 'Fout: ' : ''}${title} – ${SERVICE_NAME}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/portal.css" />
        <script src="/assets/portal.js" defer />
      </head>
      <body className="napl-theme utrecht-document">
        <a className="napl-skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        <header className="napl-header">
          <div className="napl-page napl-header__bar">
            <a className="napl-header__name" href="/">
              {SERVICE_NAME}
            </a>
            {principal ? (
              <div className="napl-header__user">
                <span>
                  Aangemeld als {ROLE_NAMES[principal.roles[0]] ?? principal.roles[0]} ({principal.subject})
                </span>
                <form action="/afmelden" method="post" className="napl-inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    Afmelden
                  </button>
                </form>
              </div>
            ) : (
              <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action napl-header__name" href={`/auth/login?returnTo=${encodeURIComponent(path)}`}>
                Inloggen
              </a>
            )}
          </div>
        </header>
        {items.length > 0 ? (
          <nav className="napl-nav" aria-label="Hoofdmenu">
            <ul className="napl-page">
              {items.map((item) => (
                <li key={item.href}>
                  <a className="utrecht-link" href={item.href} aria-current={item === current ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main className="napl-page napl-main" id="inhoud" tabIndex={-1}>
          {before}
          <ErrorSummary errors={errors} />
          {caption ? <span className="utrecht-pre-heading">{caption}</span> : null}
          <h1 className="utrecht-heading-1">{title}</h1>
          {children}
        </main>
        <footer className="napl-footer">
          <div className="napl-page">
            <p className="utrecht-paragraph">
              Nationale Aanpak Professionalisering Leraren – een dienst van het Ministerie van Onderwijs, Cultuur en Wetenschap.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole page as HTML text: the doctype and the element, rendered with the request's context. */
export function renderDocument(page: ReactElement, context: PageContextValue): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<PageContext.Provider value={context}>{page}</PageContext.Provider>)}`;
}
