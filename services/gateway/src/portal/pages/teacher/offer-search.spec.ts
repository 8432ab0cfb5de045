import { parseDate, readSearchForm, searchHref, searchQueryOf } from './offer-search';
import { validateChoice } from './team-pages.controller';

describe('the offer search form', () => {
  it('reads dates as people type them, and only real dates', () => {
    expect(parseDate('2027-01-31')).toBe('2027-01-31');
    expect(parseDate('31-1-2027')).toBe('2027-01-31');
    expect(parseDate('3/2/2027')).toBe('2027-02-03');
    expect(parseDate('31-2-2027')).toBeUndefined();
    expect(parseDate('2027-13-01')).toBeUndefined();
    expect(parseDate('morgen')).toBeUndefined();
  });

  it('turns a valid form into the catalogue query, with places left as enrolment=open', () => {
    const { form, errors } = readSearchForm({ q: ' rekenen ', sector: 'po', startsFrom: '1-2-2027', plaatsen: 'ja', pagina: '2' });
    expect(errors).toEqual([]);
    expect(searchQueryOf(form)).toMatchObject({ q: 'rekenen', sector: 'po', startsFrom: '2027-02-01', enrolment: 'open', sort: 'relevance', page: 2 });
  });

  it('refuses what is no choice or no date, naming the field, and keeps what was typed', () => {
    const { form, errors } = readSearchForm({ q: 'x', sector: 'hbo', format: 'party', startsFrom: '31-2-2027', startsUntil: '2026-01-01' });
    expect(errors.map((error) => error.field)).toEqual(['sector', 'format', 'startsFrom']);
    expect(form.startsFrom).toBe('31-2-2027');
    expect(readSearchForm({ startsFrom: '2027-03-01', startsUntil: '2027-02-01' }).errors).toEqual([{ field: 'startsUntil', message: '‘Start uiterlijk’ moet op of na ‘Start vanaf’ liggen' }]);
  });

  it('ignores a page that is no number, and links other pages with the same filters', () => {
    const { form } = readSearchForm({ q: 'a&b', pagina: '-1', plaatsen: 'ja' });
    expect(form.page).toBe(1);
    expect(searchHref(form, 2)).toBe('/aanbod?q=a%26b&plaatsen=ja&pagina=2');
    expect(searchHref(form, 1)).toBe('/aanbod?q=a%26b&plaatsen=ja');
  });
});

describe('a team choice', () => {
  it('needs a run and at least one teacher, by their ids', () => {
    expect(validateChoice({ runId: '', teacherIds: [] }).map((error) => error.field)).toEqual(['runId', 'teacherIds']);
    expect(validateChoice({ runId: '76f5b417-b772-4784-b1c9-4cd5c16ca294', teacherIds: ['x'] })).toEqual([{ field: 'teacherIds', message: 'Kies leraren uit de lijst' }]);
    expect(validateChoice({ runId: '76f5b417-b772-4784-b1c9-4cd5c16ca294', teacherIds: ['22222222-2222-4222-8222-000000000001'] })).toEqual([]);
  });
});
