import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo school locations with plausible education regions (no complete official list exists; the ministry
 * manages it as data). 12AB00 and 34CD01 are the schools of the demo accounts.
 */
const SCHOOLS: [schoolId: string, name: string, regionId: string, regionName: string][] = [
  ['12AB00', 'OBS De Regenboog', 'utrecht-stad', 'Utrecht Stad'],
  ['12AB01', 'OBS De Regenboog, locatie Overvecht', 'utrecht-stad', 'Utrecht Stad'],
  ['34CD01', 'Haags Montessori Lyceum', 'haaglanden', 'Haaglanden'],
  ['56EF00', 'Noorderpoort Groningen', 'mbo-noord-nederland', 'MBO Noord-Nederland'],
  ['78GH00', 'CSG Rijnmond', 'rijnmond', 'Rijnmond'],
  ['90JK02', 'Zeeuwse Basisschool De Schelde', 'zeeland', 'Zeeland (Zeeuwse onderwijsregio)'],
  ['21LM00', 'Twents Carmel College', 'twente-achterhoek-oost-salland', 'Twente-Achterhoek-Oost-Salland'],
  ['43NP00', 'Almeerse Scholen Groep', 'almere-lelystad', 'Almere-Lelystad'],
];

export class SeedSchools1795998019044 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const school of SCHOOLS) {
      await queryRunner.query(
        `INSERT INTO "school" ("school_id", "name", "region_id", "region_name") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        school,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "school" WHERE "school_id" = ANY($1)`, [SCHOOLS.map(([schoolId]) => schoolId)]);
  }
}
