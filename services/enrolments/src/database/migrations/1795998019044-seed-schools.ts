import type { MigrationInterface } from 'typeorm';

/**
 * Once inserted the demo schools. They are demo data, not schema: they moved to the demo loader
 * (tools/demo/data/enrolments-schools.json, loaded through `PUT /v1/schools/{schoolId}`), so a production database
 * starts with no schools and the ministry's list is entered as data. The class stays, empty, because databases that
 * ran it have it recorded in their migrations table; `down` leaves the schools alone for the same reason (in such a
 * database they may be in use by teachers by now).
 */
export class SeedSchools1795998019044 implements MigrationInterface {
  async up(): Promise<void> {
    // Nothing: see above.
  }

  async down(): Promise<void> {
    // Nothing: see above.
  }
}
