/**
 * A Chamber of Commerce (KvK) number: exactly 8 digits. KvK numbers carry no check digit (unlike the former
 * 11-test numbers), so the form is all that can be checked without asking the KvK's register.
 */
export function isKvkNumber(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** Providers write KvK numbers with spaces or dots ("12 34 56 78"); store the digits only. */
export function normaliseKvkNumber(value: string): string {
  return value.replace(/[\s.]/g, '');
}
