import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Module, type DynamicModule } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CurrentPrincipal, Roles, serviceAudience, type Principal, type TokenVerifierOptions } from '@napl/auth';
import { PlatformModule, ServiceConfig } from '@napl/service-kit';
import { HostileInputRunner, MESSAGING_TEST_MIGRATIONS, startTestService, type TestService } from '../src';

/*
 * A suite that cannot fail proves nothing. This service is broken on purpose, in the ways the platform once was:
 * a date JavaScript cannot read gives a 500, any provider reads any provider's thing, a refusal speaks English, and
 * a refused request leaves a row behind. The suite must find each of them.
 */

class BrokenTables1764060000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE thing (id uuid PRIMARY KEY, provider_id text NOT NULL, name text NOT NULL, starts_at timestamptz NOT NULL)');
    await queryRunner.query('CREATE TABLE note (id uuid PRIMARY KEY, thing_id text NOT NULL, text text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE note');
    await queryRunner.query('DROP TABLE thing');
  }
}

class ThingDto {
  @ApiProperty({ maxLength: 50 })
  @IsString()
  @MaxLength(50)
  name: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601()
  startDate: string;
}

class NoteDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  text: string;
}

@Controller('v1/things')
class BrokenThingsController {
  constructor(private readonly db: DataSource) {}

  @Post()
  @Roles('provider')
  async create(@CurrentPrincipal() principal: Principal, @Body() body: ThingDto): Promise<{ id: string }> {
    const id = randomUUID();
    // Broken: Date cannot read an ISO week date (2027-W05-3), which @IsISO8601 lets through; toISOString throws.
    const startsAt = new Date(body.startDate).toISOString();
    await this.db.query('INSERT INTO thing (id, provider_id, name, starts_at) VALUES ($1, $2, $3, $4)', [id, principal.providerId, body.name, startsAt]);
    return { id };
  }

  @Get(':thingId')
  @Roles('provider')
  async get(@Param('thingId') thingId: string): Promise<unknown> {
    // Broken: no scope check, so another provider reads it; an unknown id is refused in English.
    const [thing] = await this.db.query('SELECT id, name FROM thing WHERE id::text = $1', [thingId]);
    if (!thing) throw new NotFoundException('Thing not found');
    return thing;
  }

  @Post(':thingId/notes')
  @Roles('provider')
  @HttpCode(201)
  async note(@Param('thingId') thingId: string, @Body() body: NoteDto): Promise<void> {
    // Broken: writes before it checks, outside a transaction, so a refused request leaves its row.
    await this.db.query('INSERT INTO note (id, thing_id, text) VALUES ($1, $2, $3)', [randomUUID(), thingId, body.text]);
    const [thing] = await this.db.query('SELECT 1 FROM thing WHERE id::text = $1', [thingId]);
    if (!thing) throw new NotFoundException('Onbekend ding.');
  }
}

@Module({})
class BrokenServiceModule {
  static forRoot(config: ServiceConfig, auth: TokenVerifierOptions): DynamicModule {
    return {
      module: BrokenServiceModule,
      imports: [PlatformModule.forService({ service: 'broken', config, auth, entities: [], migrations: [...MESSAGING_TEST_MIGRATIONS, BrokenTables1764060000001] })],
      controllers: [BrokenThingsController],
    };
  }
}

describe('the hostile-input suite against a service broken on purpose', () => {
  let service: TestService<ServiceConfig>;
  let runner: HostileInputRunner;

  beforeAll(async () => {
    service = await startTestService({
      description: { service: 'broken', title: 'broken', description: 'A service with the defects the suite must find' },
      configClass: ServiceConfig,
      module: (config, auth) => BrokenServiceModule.forRoot(config, auth),
      // Not a platform service, so no audience of its own in the development tokens: it borrows one.
      env: { AUTH_AUDIENCE: serviceAudience('paths') },
    });
    runner = await HostileInputRunner.start('broken', service, async (running) => {
      const token = await running.tokenFor('opleider-hanze');
      const created = await running.http().post('/v1/things').set('Authorization', `Bearer ${token}`).send({ name: 'Ding van Hanze', startDate: '2027-03-01' }).expect(201);
      return {
        pathParams: { thingId: created.body.id },
        bodies: { 'POST /v1/things': { name: 'Nog een ding', startDate: '2027-03-01' }, 'POST /v1/things/{thingId}/notes': { text: 'Een notitie.' } },
      };
    });
  });

  afterAll(() => service?.close());

  it('reads the routes and who may call them from the OpenAPI document', () => {
    const keys = runner.operations.map((operation) => `${operation.key} ${operation.public ? 'public' : (operation.roles ?? ['*']).join(',')}`);
    expect(keys).toEqual(
      expect.arrayContaining(['GET /health/live public', 'GET /session *', 'POST /v1/things provider', 'GET /v1/things/{thingId} provider', 'POST /v1/things/{thingId}/notes provider']),
    );
  });

  it('finds the other provider reading the thing, and nothing wrong with the role checks', async () => {
    const failures = await runner.authorisationMatrix();
    expect(failures).toContain('GET /v1/things/{thingId} | role provider, foreign scope 11111111-1111-4111-8111-000000000002 | cross-tenant success: 200');
    expect(failures.filter((failure) => !failure.includes('cross-tenant'))).toEqual([]);
    expect(runner.figures.crossTenantSuccesses).toBeGreaterThan(0);
  });

  it('finds the 500 on an ISO week date, the English refusal, and the row a refused request left', async () => {
    const failures = await runner.rejectedInput();
    expect(failures).toContainEqual(expect.stringMatching(/^POST \/v1\/things \| body startDate: hostile date 2027-W05-3 \| 500/));
    expect(failures).toContainEqual(expect.stringMatching(/^GET \/v1\/things\/\{thingId\} \| path thingId: .* \| English text: "Thing not found"/));
    expect(failures).toContain('(all routes) | nothing stored by rejected input | table note changed');
    expect(runner.figures.serverErrors).toBeGreaterThan(0);
  });

  it('counts what it did', () => {
    expect(runner.summary()).toMatch(/^\[hostile-input\] broken: routes covered \d+, requests sent \d+, 5xx seen [1-9]/);
  });
});
