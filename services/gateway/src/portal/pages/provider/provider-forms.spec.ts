import { EMPTY_OFFER_FORM, offerContentOf, offerFormFromContent, type OfferFormInput } from './offer-form';
import { amsterdamEndOfDay, runPlanOf, sessionsOf } from './run-form';

const FILLED: OfferFormInput = {
  values: {
    title: 'Differentiëren in de rekenles',
    summary: 'Instructie afstemmen op verschillen tussen leerlingen.',
    description: 'Vier bijeenkomsten.',
    format: 'training',
    deliveryMode: 'blended',
    studyLoadHours: '24',
    price: '1.234,50',
    priceCovers: 'Lesmateriaal',
    national: 'nee',
    regionIds: 'utrecht-stad, Noord-Nederland-po',
    language: 'nl',
    learningOutcomes: 'Eerste\n\n Tweede ',
    pathStepCodes: 'SV-2, SV-3',
    teamProgramme: 'ja',
    minGroupSize: '8',
    maxGroupSize: '20',
  },
  sectors: ['po', 'vo'],
};

describe('the offer form', () => {
  it('turns what was typed into the catalogue content', () => {
    const { content, errors } = offerContentOf(FILLED);
    expect(errors).toEqual([]);
    expect(content).toMatchObject({
      priceCents: 123450,
      studyLoadHours: 24,
      regionIds: ['utrecht-stad', 'noord-nederland-po'],
      learningOutcomes: ['Eerste', 'Tweede'],
      pathStepCodes: ['SV-2', 'SV-3'],
      national: false,
      teamProgramme: true,
      sectors: ['po', 'vo'],
    });
  });

  it('reports missing and wrong fields in the order of the form', () => {
    const { content, errors } = offerContentOf({ values: { ...FILLED.values, title: '', price: 'gratis', maxGroupSize: '4' }, sectors: [] });
    expect(content).toBeUndefined();
    expect(errors.map((error) => error.field)).toEqual(['title', 'sectors', 'price', 'maxGroupSize']);
  });

  it('asks for regions unless the offer is national, and leaves them out when it is', () => {
    expect(offerContentOf({ ...FILLED, values: { ...FILLED.values, regionIds: '' } }).errors.map((error) => error.field)).toEqual(['regionIds']);
    expect(offerContentOf({ ...FILLED, values: { ...FILLED.values, national: 'ja' } }).content?.regionIds).toEqual([]);
  });

  it('fills the form from an offer and reads it back unchanged', () => {
    const { content } = offerContentOf(FILLED);
    expect(offerContentOf(offerFormFromContent(content!)).content).toEqual(content);
  });

  it('starts empty with the usual answers chosen', () => {
    expect(offerContentOf(EMPTY_OFFER_FORM).errors.length).toBeGreaterThan(5);
  });
});

describe('the run form', () => {
  const values = { startDate: '2027-02-03', endDate: '2027-03-03', sessions: '2027-02-03 15:30-18:00 Start\n2027-03-03 15:30 - 18:00', online: 'nee', location: 'Groningen', capacity: '12' };

  it('reads one session per line', () => {
    expect(sessionsOf(values.sessions).sessions).toEqual([
      { date: '2027-02-03', startTime: '15:30', endTime: '18:00', topic: 'Start' },
      { date: '2027-03-03', startTime: '15:30', endTime: '18:00' },
    ]);
    expect(sessionsOf('2027-02-03 15:30\n').wrongLine).toBe(1);
  });

  it('turns the form into a plan, with the price of the offer when none is given', () => {
    const { plan, errors } = runPlanOf(values);
    expect(errors).toEqual([]);
    expect(plan).toMatchObject({ capacity: 12, online: false, location: 'Groningen', priceCents: null, enrolmentDeadline: null });
  });

  it('refuses dates not written as a date, an end before the start and a site run without a place', () => {
    const { errors } = runPlanOf({ ...values, startDate: '3 februari', endDate: '2027-01-01', location: '' });
    expect(errors.map((error) => error.field)).toEqual(['startDate', 'location']);
    expect(runPlanOf({ ...values, endDate: '2027-01-01' }).errors.map((error) => error.field)).toEqual(['endDate']);
  });

  it('ends the enrolment on the day in the Netherlands, in winter and in summer time', () => {
    expect(amsterdamEndOfDay('2027-01-20')).toBe('2027-01-20T23:59:00+01:00');
    expect(amsterdamEndOfDay('2027-07-20')).toBe('2027-07-20T23:59:00+02:00');
  });
});
