// Shared jest settings: TypeScript through ts-jest (transpile only; `npm run typecheck` checks types),
// @napl/* aliases from tsconfig.base.json.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const base = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
};

/** Fast tests of pure rules, next to the code: `*.spec.ts`. */
function unitConfig(projectRoot) {
  return { ...base, displayName: `${projectRoot}:unit`, roots: [`<rootDir>/${projectRoot}`], testMatch: ['**/*.spec.ts', '**/*.spec.tsx'] };
}

/** Tests against the real Postgres and Kafka: `*.integration-spec.ts`. */
function integrationConfig(projectRoot) {
  return {
    ...base,
    displayName: `${projectRoot}:integration`,
    roots: [`<rootDir>/${projectRoot}`],
    testMatch: ['**/*.integration-spec.ts'],
    setupFilesAfterEnv: ['<rootDir>/libs/testing/src/integration-setup.ts'],
    globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
    globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  };
}

/** The jest config files of every project under libs/, services/ and tools/ that has one. */
function projectsWith(fileName) {
  return ['libs', 'services', 'tools'].flatMap((folder) =>
    readdirSync(join(__dirname, folder))
      .map((project) => join(__dirname, folder, project, fileName))
      .filter((file) => existsSync(file)),
  );
}

module.exports = { unitConfig, integrationConfig, projectsWith };
