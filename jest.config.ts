// Every project's unit tests in one run: `jest -c jest.config.ts` (the test command uses it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { projectsWith } = require('./jest.preset.js');

module.exports = { projects: projectsWith('jest.config.ts') };
