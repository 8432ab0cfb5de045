import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two development paths of 2026 (letter to parliament of 4 May 2026), published as version 1 for po, vo and mbo:
 * from starting qualified to experienced qualified, and to the specialism curriculum developer. Their data is written
 * out here, not imported, so that this migration does the same thing forever; later versions come through the API.
 * Step codes are the ones providers name in the catalogue (SV-…, CO-…).
 */
const STARTBEKWAAM_VAKBEKWAAM = {
  sectors: ['po', 'vo', 'mbo'],
  phases: [
    {
      code: 'fase-1',
      title: 'Basis op orde',
      steps: [
        {
          code: 'SV-1',
          title: 'Een veilig en ordelijk leerklimaat',
          competenceAreas: ['pedagogy'],
          learningOutcomes: ['De leraar schept een veilig leerklimaat en houdt de orde in de eigen groep.'],
          requirement: { minimumHours: 16, requiredFormats: [] },
        },
        {
          code: 'SV-2',
          title: 'Didactisch handelen in de eigen lessen',
          competenceAreas: ['subject-didactics'],
          learningOutcomes: ['De leraar ontwerpt lessen die aansluiten bij wat leerlingen al kunnen, en stemt de instructie daarop af.'],
          requirement: { minimumHours: 24, requiredFormats: [] },
        },
      ],
    },
    {
      code: 'fase-2',
      title: 'Verdiepen',
      steps: [
        {
          code: 'SV-3',
          title: 'Vakkennis bijhouden en verdiepen',
          competenceAreas: ['subject-knowledge'],
          learningOutcomes: ['De leraar beheerst de vakinhoud boven het niveau van de leerlingen en houdt die bij.'],
          requirement: { minimumHours: 24, requiredFormats: [] },
        },
        {
          code: 'SV-4',
          title: 'Leren in de professionele gemeenschap',
          competenceAreas: ['professional-community'],
          learningOutcomes: ['De leraar bespreekt het eigen handelen met collega\'s en gebruikt hun feedback.'],
          requirement: { minimumHours: 8, requiredFormats: ['intervision'] },
        },
      ],
    },
    {
      code: 'fase-3',
      title: 'Vakbekwaam',
      steps: [
        {
          code: 'SV-5',
          title: 'Begeleid reflecteren op de eigen praktijk',
          competenceAreas: ['pedagogy', 'subject-didactics'],
          learningOutcomes: ['De leraar laat met coaching zien dat hij of zij vakbekwaam handelt in de eigen klas.'],
          requirement: { minimumHours: null, requiredFormats: ['coaching'] },
        },
      ],
    },
  ],
};

const CURRICULUMONTWIKKELAAR = {
  sectors: ['po', 'vo', 'mbo'],
  phases: [
    {
      code: 'fase-1',
      title: 'Oriëntatie op curriculum',
      steps: [
        {
          code: 'CO-1',
          title: 'Curriculumtheorie en kerndoelen',
          competenceAreas: ['subject-knowledge'],
          learningOutcomes: ['De leraar kent de opbouw van het curriculum en de geldende kerndoelen en eindtermen.'],
          requirement: { minimumHours: 16, requiredFormats: [] },
        },
        {
          code: 'CO-2',
          title: 'Lesmateriaal ontwerpen en beproeven',
          competenceAreas: ['subject-didactics'],
          learningOutcomes: ['De leraar ontwerpt lesmateriaal, beproeft het in de klas en verbetert het met wat dat opleverde.'],
          requirement: { minimumHours: 24, requiredFormats: [] },
        },
      ],
    },
    {
      code: 'fase-2',
      title: 'Samen ontwikkelen',
      steps: [
        {
          code: 'CO-3',
          title: 'Curriculumontwikkeling met het team',
          competenceAreas: ['professional-community'],
          learningOutcomes: ['De leraar leidt met collega\'s de ontwikkeling van een leerlijn van de school.'],
          requirement: { minimumHours: 16, requiredFormats: ['learning-community'] },
        },
      ],
    },
  ],
};

export const PATHS_OF_2026 = [
  {
    pathId: '33333333-3333-4333-8333-000000000001',
    code: 'startbekwaam-vakbekwaam',
    title: 'Van startbekwaam naar vakbekwaam',
    description: 'Voor leraren in hun eerste jaren: van startbekwaam naar vakbekwaam, in drie fasen.',
    content: STARTBEKWAAM_VAKBEKWAAM,
  },
  {
    pathId: '33333333-3333-4333-8333-000000000002',
    code: 'curriculumontwikkelaar',
    title: 'Specialisatie curriculumontwikkelaar',
    description: 'Voor vakbekwame leraren die zich specialiseren in het ontwikkelen van curriculum en lesmateriaal.',
    content: CURRICULUMONTWIKKELAAR,
  },
] as const;

export class Seed2026Paths1796300000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const path of PATHS_OF_2026) {
      await queryRunner.query(`INSERT INTO "path" (path_id, code, title, description) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        path.pathId,
        path.code,
        path.title,
        path.description,
      ]);
      await queryRunner.query(
        `INSERT INTO "path_version" (path_id, version, status, content, published_at) VALUES ($1, 1, 'published', $2, now()) ON CONFLICT DO NOTHING`,
        [path.pathId, JSON.stringify(path.content)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const path of PATHS_OF_2026) {
      await queryRunner.query(`DELETE FROM "path_version" WHERE path_id = $1 AND version = 1`, [path.pathId]);
      await queryRunner.query(`DELETE FROM "path" WHERE path_id = $1 AND NOT EXISTS (SELECT FROM "path_version" WHERE path_id = $1)`, [path.pathId]);
    }
  }
}
