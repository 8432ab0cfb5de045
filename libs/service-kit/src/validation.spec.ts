import { IsString, MaxLength } from 'class-validator';
import { createValidationPipe, InputValidationException } from './problem-details';
import { IsCalendarDate, IsTimestamp, NULL_REFUSED_MESSAGE, Optional, OptionalOrNull } from './validation';

class ExampleDto {
  @Optional()
  @IsString()
  @MaxLength(10)
  name?: string;

  @OptionalOrNull()
  @IsString()
  location: string | null = null;

  @Optional()
  @IsCalendarDate()
  startDate?: string;

  @Optional()
  @IsTimestamp()
  deadline?: string;

  @Optional()
  @IsCalendarDate({ each: true })
  dates?: string[];
}

/** The errors the platform's validation pipe answers for `body`, or [] when it passes. */
async function errorsFor(body: unknown): Promise<{ field: string; messages: string[] }[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ExampleDto });
    return [];
  } catch (error) {
    if (error instanceof InputValidationException) return error.errors;
    throw error;
  }
}

describe('Optional', () => {
  it('lets an absent field pass', async () => {
    expect(await errorsFor({})).toEqual([]);
  });

  it('refuses null with a Dutch message, where @IsOptional would let it through', async () => {
    const [error] = await errorsFor({ name: null });
    expect(error).toEqual({ field: 'name', messages: expect.arrayContaining([NULL_REFUSED_MESSAGE, 'moet tekst zijn']) });
  });

  it('validates a present value as usual', async () => {
    expect(await errorsFor({ name: 'Anne' })).toEqual([]);
    expect(await errorsFor({ name: 42 })).toEqual([{ field: 'name', messages: expect.arrayContaining(['moet tekst zijn']) }]);
  });
});

describe('OptionalOrNull', () => {
  it('lets an absent field and null pass, and validates anything else', async () => {
    expect(await errorsFor({ location: null })).toEqual([]);
    expect(await errorsFor({ location: 'Utrecht' })).toEqual([]);
    expect(await errorsFor({ location: 7 })).toEqual([{ field: 'location', messages: ['moet tekst zijn'] }]);
  });
});

describe('IsCalendarDate and IsTimestamp', () => {
  it('accept the forms the code reads', async () => {
    expect(await errorsFor({ startDate: '2028-02-29', deadline: '2027-01-20T23:59:00+01:00', dates: ['2027-01-20'] })).toEqual([]);
  });

  it.each(['2027-02-30', '2027-W05-3', '2027-035', '20270120', '+002027-01-20', 20270120])('refuse the date %p in Dutch', async (startDate) => {
    expect(await errorsFor({ startDate })).toEqual([{ field: 'startDate', messages: ['moet een bestaande datum zijn (JJJJ-MM-DD)'] }]);
  });

  it.each(['2027-01-20T10:00:00', '2027-W05-3T10:00:00Z', '2027-02-30T10:00:00Z', '2027-01-20'])('refuse the timestamp %p in Dutch', async (deadline) => {
    const [error] = await errorsFor({ deadline });
    expect(error).toEqual({ field: 'deadline', messages: [expect.stringMatching(/^moet een tijdstip zijn/)] });
  });

  it('check each element of a list', async () => {
    expect(await errorsFor({ dates: ['2027-01-20', '2027-02-30'] })).toEqual([{ field: 'dates', messages: ['moet een bestaande datum zijn (JJJJ-MM-DD)'] }]);
  });
});
