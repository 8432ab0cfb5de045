// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require('../../jest.preset.js').unitConfig('libs/observability');
