// Every project's integration tests in one run, one file at a time (they share Postgres and Kafka).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { projectsWith } = require('./jest.preset.js');

module.exports = { projects: projectsWith('jest.integration.config.ts') };
