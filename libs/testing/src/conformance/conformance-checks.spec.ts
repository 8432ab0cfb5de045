import { checkForeignScope, checkHostileAnswer, checkNoLeak, checkProblem, checkRoleAdmitted, checkRoleRefused, notDutch, type Answer } from './conformance-checks';
import { baselineOf, hostileCasesOf, type HostileCase } from './hostile-cases';
import type { ApiOperation } from './openapi-operations';
import { passesElfproef, personalDataIn } from './personal-data-scan';

const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };
const answer = (status: number, body: unknown = { status, title: 'Ongeldige invoer', detail: 'De invoer is ongeldig.' }, headers = PROBLEM): Answer => ({ status, headers, body });
const hostile = (expect: HostileCase['expect'], echo?: HostileCase['echo']): HostileCase => ({ operation: 'POST /x', label: 'x', expect, method: 'POST', url: '/x', headers: {}, echo });

describe('the hostile-input checks', () => {
  it('pass a Dutch 4xx problem for invalid input', () => {
    expect(checkHostileAnswer(hostile('reject'), answer(400))).toEqual([]);
  });

  it('flag a 5xx, an accepted invalid input, a plain JSON error and English texts', () => {
    expect(checkHostileAnswer(hostile('reject'), answer(500))).toEqual([expect.stringMatching(/^500/)]);
    expect(checkHostileAnswer(hostile('survive'), answer(502))).toEqual([expect.stringMatching(/^502/)]);
    expect(checkHostileAnswer(hostile('reject'), answer(201, { id: 'x' }, { 'content-type': 'application/json' }))).toEqual(['accepted with 201, expected a 4xx']);
    expect(checkProblem(answer(400, { status: 400, title: 'Bad Request', detail: 'x' }, { 'content-type': 'application/json' }))).toEqual([
      'content type application/json, not application/problem+json',
      'English text: "Bad Request"',
    ]);
    expect(notDutch({ status: 400, title: 'Ongeldige invoer', detail: 'De invoer is ongeldig.', errors: [{ field: 'name', messages: ['name must be a string'] }] })).toEqual([
      'English text: "name must be a string"',
    ]);
    expect(notDutch({ status: 400 })).toEqual(['no title or detail']);
  });

  it('accept valid-looking input stored verbatim, and flag input changed on the way in', () => {
    const sql = "' OR '1'='1";
    expect(checkHostileAnswer(hostile('survive', { field: 'title', value: sql }), answer(201, { title: sql }, { 'content-type': 'application/json' }))).toEqual([]);
    expect(checkHostileAnswer(hostile('survive', { field: 'title', value: sql }), answer(201, { title: 'x' }, { 'content-type': 'application/json' }))).toEqual([
      expect.stringMatching(/^stored/),
    ]);
  });

  it('tell a role refusal, an admitted role and a cross-tenant success apart', () => {
    const refusal = answer(403, { status: 403, title: 'Geen toegang', detail: 'U heeft geen rol die deze handeling mag uitvoeren.' });
    expect(checkRoleRefused(refusal)).toEqual([]);
    expect(checkRoleRefused(answer(200, {}))).toEqual(['answered 200 to a role the route does not allow, expected 403']);
    expect(checkRoleAdmitted(refusal)).toEqual(['refused by the role check, though the route allows the role']);
    expect(checkRoleAdmitted(answer(400))).toEqual([]);
    expect(checkForeignScope(answer(404, { status: 404, title: 'Niet gevonden', detail: 'Onbekend aanbod.' }))).toEqual([]);
    expect(checkForeignScope(answer(200, {}))).toEqual(['cross-tenant success: 200']);
    expect(checkNoLeak(answer(200, { items: [{ id: 'a-1' }] }), ['a-1'])).toEqual(['cross-tenant success: shows a-1']);
  });
});

describe('the hostile requests of an operation', () => {
  const operation: ApiOperation = {
    key: 'POST /v1/things/{thingId}/runs',
    method: 'POST',
    path: '/v1/things/{thingId}/runs',
    public: false,
    roles: ['provider'],
    parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
    body: {
      required: true,
      schema: {
        type: 'object',
        required: ['startDate', 'capacity'],
        properties: { startDate: { type: 'string', format: 'date' }, capacity: { type: 'integer', minimum: 1, maximum: 100 }, note: { type: 'string' } },
      },
    },
  };
  const cases = hostileCasesOf(operation, baselineOf(operation, { pathParams: { thingId: 'a' }, body: { startDate: '2027-03-01', capacity: 10, note: 'x' } }));
  const labels = cases.map((one) => `${one.expect} ${one.label}`);

  it('covers bad ids, hostile dates, limits, wrong types, deep nesting, oversized bodies and wrong content types', () => {
    expect(labels).toEqual(
      expect.arrayContaining([
        'reject path thingId: "not-a-uuid"',
        'reject body startDate: hostile date 2027-W05-3',
        'reject body startDate: hostile date 2027-035',
        'reject body startDate: hostile date 20270120',
        'reject body startDate: hostile date +002027-01-20',
        'reject body startDate: hostile date 2027-02-30',
        'reject body capacity: maximum + 1',
        'reject body capacity: huge number 1e308',
        'reject body capacity: fraction for an integer',
        'reject body startDate: null for a required field',
        'survive body note: null for an optional field',
        'survive body note: SQL injection',
        'reject JSON nested 10,000 levels in an array',
        'reject oversized body (2 MB)',
        'reject wrong content type text/plain',
        'reject unknown field',
      ]),
    );
  });

  it('nests the deep body 10,000 levels', () => {
    const deep = cases.find((one) => one.label === 'JSON nested 10,000 levels in an array')!;
    expect(deep.body && 'raw' in deep.body && deep.body.raw.split('[').length - 1).toBe(10_000);
  });
});

describe('the personal-data scan', () => {
  it('knows the elfproef', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });

  it('finds e-mail addresses, the demo names and BSN-like numbers, not ids or longer numbers', () => {
    expect(personalDataIn('\u0012\u0009111222333\u001aAnne de Vries\u0022anne.devries@example.nl', ['Anne de Vries'])).toEqual([
      'e-mail address anne.devries@example.nl',
      'name Anne de Vries',
      'BSN-like number 111222333',
    ]);
    expect(personalDataIn('11111111-1111-4111-8111-000000000001 1112223334 a111222333', ['Anne de Vries'])).toEqual([]);
  });
});
