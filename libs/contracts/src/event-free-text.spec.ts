import { ScalarType, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { ALL_EVENTS } from './all-events';

/**
 * Events carry no personal data and no free text but what another service must show someone (docs/access-rules.md,
 * "Events"). A string field is an id, a code or a date by its name; any other one is listed here, with why it may
 * travel. A new text field fails this test until it is reviewed and listed. Deprecated fields are no longer filled.
 */
const REVIEWED_TEXT: Record<string, string> = {
  'OfferSubmitted.offer.title': 'the public title of an offer',
  'OfferPublished.offer.title': 'the public title of an offer',
  'OfferUpdated.offer.title': 'the public title of an offer',
  'RunScheduled.run.location': 'the public venue of a run (an address of a place, not of a person)',
  'RunChanged.run.location': 'the public venue of a run',
  'OfferSuspended.reason': 'made by the catalogue (mark expired or revoked, with the ministry\'s reason for the provider)',
  'OfferApproved.conditions': 'the assessors\' conditions on an offer, which the catalogue shows its provider',
  'OfferRejected.summary': 'the assessors\' judgement of an offer, which the catalogue shows its provider',
  'OfferRejected.reasons[].reason': 'why a criterion was not met, which the catalogue shows the provider',
  'ReassessmentRequired.reason': 'made by the quality service from the average score and the number of responses',
  'MarkRevoked.reason': 'the ministry\'s reason for revoking a mark, which the catalogue shows the provider',
  'PathVersionPublished.title': 'the public title of a development path',
  'PaymentIssued.period': 'a statement\'s quarter, such as 2027-Q1 (a code)',
  'PaymentIssued.paymentReference': 'the transfer reference of a statement: a code without spaces (at most 64 of letters, digits and . _ / -; by default NAPL-<region>-<quarter>), never free text',
  'ClawBackRecorded.period': 'a statement\'s quarter, such as 2027-Q1 (a code)',
};

const ID_CODE_OR_DATE = /(Id|Ids|Code|Codes|Brin|Date|On|Deadline)$/;
const CODE_NAMES = new Set(['format', 'sector', 'sectors']);

function isString(field: DescField): boolean {
  return (field.fieldKind === 'scalar' || (field.fieldKind === 'list' && field.listKind === 'scalar')) && field.scalar === ScalarType.STRING;
}

/** Dotted paths of the string fields that are neither ids, codes nor dates, into nested messages. */
function textFields(message: DescMessage, prefix = ''): string[] {
  return message.fields.flatMap((field) => {
    if (field.deprecated) return [];
    if (field.fieldKind === 'message') return field.message.typeName.startsWith('google.') ? [] : textFields(field.message, `${prefix}${field.localName}.`);
    if (field.fieldKind === 'list' && field.listKind === 'message') return textFields(field.message, `${prefix}${field.localName}[].`);
    if (!isString(field) || ID_CODE_OR_DATE.test(field.localName) || CODE_NAMES.has(field.localName)) return [];
    return [`${prefix}${field.localName}`];
  });
}

describe('free text in events', () => {
  const found = ALL_EVENTS.flatMap((contract) => textFields(contract.schema).map((path) => `${contract.schema.name}.${path}`));

  it('has only reviewed text fields: no names, e-mail addresses, comments or notes about people', () => {
    expect(found.filter((path) => !REVIEWED_TEXT[path])).toEqual([]);
  });

  it('lists no text field that no longer exists', () => {
    expect(Object.keys(REVIEWED_TEXT).filter((path) => !found.includes(path))).toEqual([]);
  });

  it('carries why an enrolment was not completed as a code, and erasure only as the pseudonymous id', () => {
    expect(found.filter((path) => path.startsWith('EnrolmentNotCompleted.') || path.startsWith('TeacherErased.'))).toEqual([]);
  });
});
