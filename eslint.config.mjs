// Lint rules for the whole monorepo. The module-boundary rule keeps every service on its own: a service may
// import the shared libs, never another service (the services talk only through Kafka events). Domain code (a
// service's domain/ folders and libs/domain) loads no framework, so its rules run and are tested on their own.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const SERVICES = ['catalogue', 'quality', 'paths', 'enrolments', 'reimbursement', 'monitoring', 'gateway'];

const FRAMEWORK_MESSAGE =
  'Domain code loads no framework: keep Nest, TypeORM, Kafka, pg and validation decorators in application/, infrastructure/ or http/, and pass plain values in.';
const PLATFORM_LIB_MESSAGE =
  'Domain code imports no platform lib (each loads Nest, TypeORM or Kafka): DomainError and the Amsterdam-date helpers are in @napl/domain.';
const LAYER_MESSAGE =
  'Domain code does not reach into application/, infrastructure/ or http/: those layers depend on the domain, not the other way round.';
const VALIDATION_MESSAGE =
  "Use the platform's decorators from '@napl/service-kit': @Optional() (absent, never null) or @OptionalOrNull() for a field that may be cleared, @IsCalendarDate() or @IsTimestamp() for dates. @IsOptional lets null through to code that does not expect it; @IsISO8601 and @IsDateString accept forms (2027-W05-3, 2027-035, 20270120) that Date cannot read.";

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '.local', '.nx', 'libs/contracts/src/gen', 'deploy'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            ...SERVICES.map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing', 'type:app'],
            },
            // Scripts under tools/ (dev tokens, migration generator) use the libs, like a service.
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing'] },
            // The end-to-end tests run services as processes; they never import a service's code either.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules and TypeORM entities are classes with decorators and nothing else.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Before the domain block, which replaces this rule for domain/ (where class-validator is refused altogether).
    files: ['services/*/src/**/*.ts', 'services/*/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'class-validator', importNames: ['IsOptional', 'IsISO8601', 'IsDateString', 'isISO8601', 'isDateString'], message: VALIDATION_MESSAGE }] },
      ],
    },
  },
  {
    // @napl/contracts (generated protobuf types and enums, no framework) stays allowed.
    files: ['services/*/src/**/domain/**/*.ts', 'libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(@nestjs/|(typeorm|kafkajs|pg|class-validator|class-transformer)(/|$))', message: FRAMEWORK_MESSAGE },
            { regex: '^@napl/(service-kit|messaging|persistence|auth|testing)(/|$)', message: PLATFORM_LIB_MESSAGE },
            { regex: '^\\.\\.?/(.*/)?(application|infrastructure|http)(/|$)', message: LAYER_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks measure a service's own code in-process (the search, the enrolment burst), so they reach into it.
    files: ['tools/bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Commands write through inTransaction: it joins an outer unit of work (an Idempotency-Key request stores its
    // response in the transaction of the effect), which a bare dataSource.transaction would escape.
    files: ['services/*/src/**/*.ts', 'services/*/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...["callee.object.name", "callee.object.property.name"].map((object) => ({
          selector: `CallExpression[callee.property.name='transaction'][${object}=/^(dataSource|connection)$/]`,
          message: "Use inTransaction(dataSource, work) from '@napl/persistence', so the work joins an outer unit of work.",
        })),
      ],
    },
  },
);
