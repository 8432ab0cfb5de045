/**
 * The platform's own design tokens (NL Design System architecture: the components of @utrecht/component-library-css,
 * the look only through tokens). Colours of the central government's palette, contrast checked against white
 * (WCAG 2.1 AA: at least 4.5:1 for text): dark blue #154273 13.6:1, link blue #01689b 6.1:1, red #d52b1e 4.9:1.
 * A TypeScript string rather than a .css file, so the compiled gateway carries it without a copy step.
 */
export const NAPL_THEME_CSS = `
.napl-theme {
  --napl-color-primary: #154273;
  --napl-color-link: #01689b;
  --napl-color-error: #d52b1e;
  --napl-color-success: #275937;
  --napl-color-border: #5a5a5a;
  --napl-color-muted-background: #f3f3f3;
  --napl-color-text: #1b1b1b;
  --napl-color-focus: #ffb612;
  --utrecht-document-font-family: "RijksoverheidSansWebText", Verdana, Arial, sans-serif;
  --utrecht-document-font-size: 1.0625rem;
  --utrecht-document-line-height: 1.5;
  --utrecht-document-color: var(--napl-color-text);
  --utrecht-document-background-color: #fff;
  --utrecht-heading-font-family: var(--utrecht-document-font-family);
  --utrecht-heading-color: var(--napl-color-primary);
  --utrecht-heading-font-weight: 700;
  --utrecht-heading-1-font-size: 2rem;
  --utrecht-heading-1-margin-block-end: 1rem;
  --utrecht-heading-2-font-size: 1.5rem;
  --utrecht-heading-2-margin-block-start: 1.5rem;
  --utrecht-heading-2-margin-block-end: 0.75rem;
  --utrecht-heading-3-font-size: 1.25rem;
  --utrecht-heading-3-margin-block-end: 0.5rem;
  --utrecht-paragraph-margin-block-end: 1rem;
  --utrecht-paragraph-lead-font-size: 1.25rem;
  --utrecht-link-color: var(--napl-color-link);
  --utrecht-link-visited-color: #4b2f72;
  --utrecht-link-hover-color: var(--napl-color-primary);
  --utrecht-link-text-decoration: underline;
  --utrecht-link-focus-color: #000;
  --utrecht-link-focus-background-color: var(--napl-color-focus);
  --utrecht-focus-outline-color: #000;
  --utrecht-focus-outline-style: solid;
  --utrecht-focus-outline-width: 3px;
  --utrecht-focus-outline-offset: 0;
  --utrecht-focus-background-color: var(--napl-color-focus);
  --utrecht-button-font-family: var(--utrecht-document-font-family);
  --utrecht-button-font-size: 1rem;
  --utrecht-button-font-weight: 700;
  --utrecht-button-border-radius: 4px;
  --utrecht-button-border-width: 2px;
  --utrecht-button-min-block-size: 44px;
  --utrecht-button-padding-inline-start: 1rem;
  --utrecht-button-padding-inline-end: 1rem;
  --utrecht-button-padding-block-start: 0.5rem;
  --utrecht-button-padding-block-end: 0.5rem;
  --utrecht-button-primary-action-background-color: var(--napl-color-primary);
  --utrecht-button-primary-action-border-color: var(--napl-color-primary);
  --utrecht-button-primary-action-color: #fff;
  --utrecht-button-primary-action-hover-background-color: #0b2a4a;
  --utrecht-button-primary-action-hover-color: #fff;
  --utrecht-button-secondary-action-background-color: #fff;
  --utrecht-button-secondary-action-border-color: var(--napl-color-primary);
  --utrecht-button-secondary-action-color: var(--napl-color-primary);
  --utrecht-button-secondary-action-hover-background-color: #e6edf5;
  --utrecht-button-subtle-background-color: transparent;
  --utrecht-button-subtle-color: var(--napl-color-link);
  --utrecht-form-field-margin-block-end: 1.5rem;
  --utrecht-form-field-invalid-border-inline-start-color: var(--napl-color-error);
  --utrecht-form-field-invalid-border-inline-start-width: 4px;
  --utrecht-form-field-invalid-padding-inline-start: 1rem;
  --utrecht-form-label-font-weight: 700;
  --utrecht-form-label-color: var(--napl-color-text);
  --utrecht-form-field-description-color: #4a4a4a;
  --utrecht-form-field-error-message-color: var(--napl-color-error);
  --utrecht-form-field-error-message-font-weight: 700;
  --utrecht-form-fieldset-legend-font-weight: 700;
  --utrecht-form-fieldset-legend-font-size: 1.125rem;
  --utrecht-form-control-font-family: var(--utrecht-document-font-family);
  --utrecht-form-control-font-size: 1rem;
  --utrecht-form-control-color: var(--napl-color-text);
  --utrecht-form-control-background-color: #fff;
  --utrecht-form-control-border-color: var(--napl-color-border);
  --utrecht-form-control-border-width: 2px;
  --utrecht-form-control-border-radius: 0;
  --utrecht-form-control-padding-block-start: 0.5rem;
  --utrecht-form-control-padding-block-end: 0.5rem;
  --utrecht-form-control-padding-inline-start: 0.5rem;
  --utrecht-form-control-padding-inline-end: 0.5rem;
  --utrecht-form-control-max-inline-size: 32rem;
  --utrecht-form-control-focus-border-color: #000;
  --utrecht-form-control-invalid-border-color: var(--napl-color-error);
  --utrecht-form-control-placeholder-color: #5a5a5a;
  /* A chevron, so a select is seen as a list to choose from (the component draws none of its own). */
  --utrecht-select-background-image: url("data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M6 9l6 6 6-6' fill='none' stroke='%231b1b1b' stroke-width='2.5'/%3E%3C/svg%3E");
  --utrecht-checkbox-size: 1.5rem;
  --utrecht-checkbox-border-color: var(--napl-color-border);
  --utrecht-checkbox-border-width: 2px;
  --utrecht-checkbox-margin-inline-end: 0.5rem;
  --utrecht-radio-button-size: 1.5rem;
  --utrecht-radio-button-border-color: var(--napl-color-border);
  --utrecht-radio-button-border-width: 2px;
  --utrecht-radio-button-margin-inline-end: 0.5rem;
  --utrecht-table-font-size: 1rem;
  --utrecht-table-header-font-weight: 700;
  --utrecht-table-header-color: var(--napl-color-text);
  --utrecht-table-header-background-color: var(--napl-color-muted-background);
  --utrecht-table-row-border-block-end-color: #b4b4b4;
  --utrecht-table-row-border-block-end-width: 1px;
  --utrecht-table-cell-padding-block-start: 0.5rem;
  --utrecht-table-cell-padding-block-end: 0.5rem;
  --utrecht-table-cell-padding-inline-start: 0.5rem;
  --utrecht-table-cell-padding-inline-end: 0.5rem;
  --utrecht-table-caption-font-weight: 700;
  --utrecht-table-caption-text-align: start;
  --utrecht-alert-padding-block-start: 1rem;
  --utrecht-alert-padding-block-end: 1rem;
  --utrecht-alert-padding-inline-start: 1rem;
  --utrecht-alert-padding-inline-end: 1rem;
  --utrecht-alert-border-width: 4px;
  --utrecht-alert-info-border-color: var(--napl-color-link);
  --utrecht-alert-info-background-color: #e5f0f5;
  --utrecht-alert-ok-border-color: var(--napl-color-success);
  --utrecht-alert-ok-background-color: #e8f3ec;
  --utrecht-alert-warning-border-color: #8a5a00;
  --utrecht-alert-warning-background-color: #fff4d6;
  --utrecht-alert-error-border-color: var(--napl-color-error);
  --utrecht-alert-error-background-color: #fbeae8;
  --utrecht-alert-color: var(--napl-color-text);
  --utrecht-separator-color: #b4b4b4;
}
/* Layout of the portal's own page frame; the components keep their NL Design System classes. */
.napl-theme { margin: 0; }
.napl-page { max-inline-size: 72rem; margin-inline: auto; padding-inline: 1rem; box-sizing: border-box; }
.napl-header { background: var(--napl-color-primary); color: #fff; }
.napl-header__bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding-block: 0.75rem; }
.napl-header__name { color: #fff; font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.napl-header__name:focus-visible, .napl-nav a:focus-visible, .napl-header a:focus-visible { outline: 3px solid var(--napl-color-focus); outline-offset: 2px; }
.napl-header__user { color: #fff; display: flex; gap: 1rem; align-items: center; }
.napl-header__user .utrecht-button { --utrecht-button-secondary-action-background-color: transparent; --utrecht-button-secondary-action-color: #fff; --utrecht-button-secondary-action-border-color: #fff; --utrecht-button-secondary-action-hover-background-color: #0b2a4a; --utrecht-button-secondary-action-hover-color: #fff; }
.napl-nav { background: #e6edf5; }
.napl-nav ul { list-style: none; margin: 0 auto; padding-block: 0.5rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.napl-nav a { color: var(--napl-color-primary); font-weight: 700; }
.napl-nav a[aria-current="page"] { text-decoration-thickness: 3px; }
.napl-main { padding-block: 1.5rem 3rem; }
.napl-footer { border-block-start: 4px solid var(--napl-color-primary); padding-block: 1.5rem; margin-block-start: 2rem; }
.napl-error-summary { border: 4px solid var(--napl-color-error); padding: 1rem; margin-block-end: 1.5rem; }
.napl-error-summary:focus { outline: 3px solid var(--napl-color-focus); }
.napl-error-summary ul { margin: 0; padding-inline-start: 1.25rem; }
.napl-error-summary a { color: var(--napl-color-error); font-weight: 700; }
.napl-summary-list { display: grid; grid-template-columns: minmax(10rem, 18rem) 1fr; gap: 0.5rem 1rem; margin: 0 0 1.5rem; }
.napl-summary-list dt { font-weight: 700; }
.napl-summary-list dd { margin: 0; }
.napl-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
.napl-card { border: 1px solid #b4b4b4; padding: 1rem; }
.napl-figure { font-size: 2rem; font-weight: 700; color: var(--napl-color-primary); display: block; }
.napl-tag { display: inline-block; padding: 0.125rem 0.5rem; border: 2px solid currentColor; font-weight: 700; font-size: 0.875rem; }
.napl-chart svg { max-inline-size: 100%; block-size: auto; }
.napl-inline-form { display: inline; }
.napl-filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; align-items: end; }
.napl-visually-hidden { position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.napl-skip-link { position: absolute; inset-inline-start: -999rem; background: var(--napl-color-focus); color: #000; padding: 0.5rem 1rem; }
.napl-skip-link:focus { inset-inline-start: 0; z-index: 10; }
.napl-theme .utrecht-select--html-select { padding-inline-end: 2.5rem; background-position: right 0.5rem center; }
.napl-progress { inline-size: 100%; max-inline-size: 32rem; block-size: 1.25rem; }
`;
