import type { ReactNode } from 'react';
import { usePageContext } from './page-context';

/**
 * The portal's building blocks: NL Design System components (class names of @utrecht/component-library-css),
 * rendered on the server, accessible without JavaScript (labels tied to fields, errors tied with aria-describedby,
 * an error summary linking to each field), following GOV.UK's form patterns.
 */

export interface FieldError {
  /** The form field's name (also the input's id, prefixed with `field-`). */
  readonly field: string;
  readonly message: string;
}

export const fieldId = (name: string): string => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function Heading({ level = 1, children, id }: { level?: 1 | 2 | 3; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as 'h1' | 'h2' | 'h3';
  return (
    <Tag className={`utrecht-heading-${level}`} id={id}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead = false }: { children: ReactNode; lead?: boolean }) {
  return <p className={lead ? 'utrecht-paragraph utrecht-paragraph--lead' : 'utrecht-paragraph'}>{children}</p>;
}

export function Link({ href, children, current = false }: { href: string; children: ReactNode; current?: boolean }) {
  return (
    <a className="utrecht-link" href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** A link that looks like a button: a start button, or an action that opens a page. */
export function ButtonLink({ href, children, secondary = false }: { href: string; children: ReactNode; secondary?: boolean }) {
  return (
    <a
      className={`utrecht-button-link utrecht-button-link--html-a ${secondary ? 'utrecht-button-link--secondary-action' : 'utrecht-button-link--primary-action'}`}
      href={href}
    >
      {children}
    </a>
  );
}

export function Button({ children, secondary = false, name, value }: { children: ReactNode; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
    >
      {children}
    </button>
  );
}

/**
 * A form that posts to the portal (or, with method get, a search form). Posts carry the session's CSRF token.
 * `noValidate`: the server checks everything and answers with an error summary in Dutch, the same with or without
 * a browser's own checks.
 */
export function Form({ action, method = 'post', children, inline = false, label }: { action: string; method?: 'get' | 'post'; children: ReactNode; inline?: boolean; label?: string }) {
  const { csrfToken } = usePageContext();
  return (
    <form className={inline ? 'utrecht-form napl-inline-form' : 'utrecht-form'} action={action} method={method} noValidate aria-label={label}>
      {method === 'post' && csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
      {children}
    </form>
  );
}

/** "Er is een probleem": every error of the form, each a link to its field (GOV.UK's error summary). */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="napl-error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-error-summary="">
      <h2 className="utrecht-heading-2" id="error-summary-title">
        Er is een probleem
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            <a href={`#${fieldId(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly errors?: readonly FieldError[];
}

function errorOf(errors: readonly FieldError[] | undefined, name: string): string | undefined {
  return errors?.find((error) => error.field === name)?.message;
}

/** A field's description and error, with the ids its control's aria-describedby names (describedBy). */
function FieldHints({ id, description, error }: { id: string; description?: string; error?: string }) {
  return (
    <>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          <span className="napl-visually-hidden">Fout: </span>
          {error}
        </div>
      ) : null}
    </>
  );
}

function FieldFrame({ name, label, description, error, children }: { name: string; label: string; description?: string; error?: string; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={error ? 'utrecht-form-field utrecht-form-field--invalid' : 'utrecht-form-field'}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldHints id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(name: string, description: string | undefined, error: string | undefined): string | undefined {
  const id = fieldId(name);
  const ids = [description ? `${id}-description` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField({
  name,
  label,
  description,
  errors,
  value,
  type = 'text',
  autoComplete,
  inputMode,
  width,
}: FieldProps & { value?: string | number | null; type?: 'text' | 'email' | 'date' | 'number' | 'search' | 'datetime-local'; autoComplete?: string; inputMode?: 'numeric' | 'decimal' | 'text'; width?: 'short' }) {
  const error = errorOf(errors, name);
  return (
    <FieldFrame name={name} label={label} description={description} error={error}>
      <input
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, description, error)}
        size={width === 'short' ? 10 : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea({ name, label, description, errors, value, rows = 5 }: FieldProps & { value?: string | null; rows?: number }) {
  const error = errorOf(errors, name);
  return (
    <FieldFrame name={name} label={label} description={description} error={error}>
      <textarea
        className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, description, error)}
      />
    </FieldFrame>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField({ name, label, description, errors, value, choices, emptyLabel }: FieldProps & { value?: string | null; choices: readonly Choice[]; emptyLabel?: string }) {
  const error = errorOf(errors, name);
  return (
    <FieldFrame name={name} label={label} description={description} error={error}>
      <select
        className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        id={fieldId(name)}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, description, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** One question with radio buttons (or, with `multiple`, checkboxes) in a fieldset whose legend is the question. */
export function ChoiceGroup({ name, label, description, errors, value, choices, multiple = false }: FieldProps & { value?: string | readonly string[] | null; choices: readonly Choice[]; multiple?: boolean }) {
  const error = errorOf(errors, name);
  const chosen = new Set(Array.isArray(value) ? value : value ? [value as string] : []);
  const id = fieldId(name);
  return (
    <fieldset className={error ? 'utrecht-form-fieldset utrecht-form-fieldset--invalid' : 'utrecht-form-fieldset'} aria-describedby={describedBy(name, description, error)}>
      <legend className="utrecht-form-fieldset__legend">{label}</legend>
      <FieldHints id={id} description={description} error={error} />
      {choices.map((choice, index) => {
        // The first option carries the field's id, so the error summary's link lands on the group.
        const optionId = index === 0 ? id : `${id}-${index}`;
        return (
          <div className={`utrecht-form-field utrecht-form-field--${multiple ? 'checkbox' : 'radio'}`} key={choice.value}>
            <input
              className={multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
              type={multiple ? 'checkbox' : 'radio'}
              id={optionId}
              name={name}
              value={choice.value}
              defaultChecked={chosen.has(choice.value)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
              {choice.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

/** A table of rows with a caption (the table's name for a screen reader) and column headers. */
export function DataTable<Row>({ caption, columns, rows, empty = 'Geen gegevens.', rowKey }: { caption: string; columns: readonly Column<Row>[]; rows: readonly Row[]; empty?: string; rowKey: (row: Row) => string }) {
  if (rows.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <div className="utrecht-table-container">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`utrecht-table__header-cell${column.numeric ? ' utrecht-table__header-cell--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr className="utrecht-table__row" key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={`utrecht-table__cell${column.numeric ? ' utrecht-table__cell--numeric' : ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Key facts of one thing, as a description list (GOV.UK's summary list). */
export function SummaryList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="napl-summary-list">
      {rows.map(([key, value]) => [<dt key={`${key}:t`}>{key}</dt>, <dd key={`${key}:d`}>{value}</dd>])}
    </dl>
  );
}

/** A message on the page: `ok` after a change, `error` for what went wrong, `info` and `warning` otherwise. */
export function Alert({ type = 'info', children }: { type?: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">{children}</div>
    </div>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return <strong className="napl-tag">{children}</strong>;
}

/** Previous and next pages of a list, as links that keep the query. */
export function Pagination({ previousHref, nextHref }: { previousHref?: string; nextHref?: string }) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav className="utrecht-pagination" aria-label="Paginering">
      {previousHref ? (
        <a className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" rel="prev" href={previousHref}>
          Vorige pagina
        </a>
      ) : null}{' '}
      {nextHref ? (
        <a className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" rel="next" href={nextHref}>
          Volgende pagina
        </a>
      ) : null}
    </nav>
  );
}

export function BackLink({ href, children = 'Terug' }: { href: string; children?: ReactNode }) {
  return (
    <p className="utrecht-paragraph">
      <a className="utrecht-link" href={href}>
        ‹ {children}
      </a>
    </p>
  );
}
