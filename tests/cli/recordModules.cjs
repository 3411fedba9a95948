// Preloaded into a CLI run by tests/cli/startup.test.ts (`node --require`): when the process
// ends, writes every CommonJS module it loaded to the file named by CASEPROOF_RECORD_MODULES.
'use strict';
const fs = require('node:fs');
const out = process.env.CASEPROOF_RECORD_MODULES;
if (out) process.on('exit', () => fs.writeFileSync(out, JSON.stringify(Object.keys(require.cache))));
