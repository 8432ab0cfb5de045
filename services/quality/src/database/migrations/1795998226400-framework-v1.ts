import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data migration: version 1 of the quality framework (kwaliteitskader), drawn from the criteria that research
 * syntheses and existing registers commonly use (see DOMAIN.md). The ministry publishes later versions as data.
 */
const CRITERIA = [
  {
    code: 'K1',
    title: 'Vraaggestuurd',
    description: 'Het aanbod sluit aan bij een ontwikkelpad en bij de ontwikkelvraag van de leraar en de school.',
    evidence: 'Beschrijving van de doelgroep, de ontwikkelvraag waarop het aanbod antwoordt en de plaats in een ontwikkelpad.',
    required: true,
  },
  {
    code: 'K2',
    title: 'Onderbouwde inhoud',
    description: 'De inhoud is evidence-informed: gebaseerd op onderzoek naar wat werkt in het onderwijs.',
    evidence: 'Verantwoording van de inhoud met bronnen uit onderzoek en de wijze waarop die zijn vertaald naar het aanbod.',
    required: true,
  },
  {
    code: 'K3',
    title: 'Praktijkgericht',
    description: 'De leraar past het geleerde toe in de eigen klas en krijgt daarop feedback of coaching.',
    evidence: 'Opzet van de praktijkopdrachten en van de feedback of coaching daarop.',
    required: true,
  },
  {
    code: 'K4',
    title: 'Actief en samen leren',
    description: 'Deelnemers leren actief en met elkaar; teamleren binnen de school wordt gestimuleerd.',
    evidence: 'Werkvormen en de manier waarop samenwerking en teamleren zijn ingericht.',
    required: false,
  },
  {
    code: 'K5',
    title: 'Duur en spreiding',
    description: 'Het aanbod heeft voldoende duur en is gespreid over de tijd, zodat het geleerde kan beklijven.',
    evidence: 'Studiebelasting, aantal bijeenkomsten en hun spreiding over de looptijd.',
    required: false,
  },
  {
    code: 'K6',
    title: 'Gekwalificeerde opleiders',
    description: 'De opleiders zijn gekwalificeerd (minimaal hbo-niveau) en de aanbieder staat ingeschreven bij de KvK.',
    evidence: 'Opleidingsniveau en ervaring van de opleiders; KvK-nummer van de aanbieder.',
    required: true,
  },
  {
    code: 'K7',
    title: 'Evaluatie en klachten',
    description: 'De aanbieder evalueert het effect van het aanbod en heeft een klachtenprocedure.',
    evidence: 'Evaluatieopzet (effect op het handelen van de leraar) en de klachtenregeling.',
    required: true,
  },
];

export class FrameworkV11795998226400 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "framework_version" ("version", "notes", "published_at", "published_by") VALUES (1, $1, now(), 'system')`,
      ['Eerste kwaliteitskader NAPL, op basis van criteria uit onderzoekssyntheses en bestaande registers.'],
    );
    for (const [position, criterion] of CRITERIA.entries()) {
      await queryRunner.query(
        `INSERT INTO "framework_criterion" ("framework_version", "code", "position", "title", "description", "evidence", "required")
         VALUES (1, $1, $2, $3, $4, $5, $6)`,
        [criterion.code, position, criterion.title, criterion.description, criterion.evidence, criterion.required],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "framework_criterion" WHERE "framework_version" = 1`);
    await queryRunner.query(`DELETE FROM "framework_version" WHERE "version" = 1`);
  }
}
