// Adds mocha's unit summary ("N passing", "N failing") and the real-VS-Code harness's "N passed, N failed" of one
// `npm test` log into the closing line CI reads.
import { readFileSync } from 'fs';

const log = readFileSync(process.argv[2], 'utf8');
const count = (pattern) => [...log.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
const passed = count(/^\s*(\d+) passing\b/gm) + count(/^(\d+) passed, \d+ failed/gm);
const failed = count(/^\s*(\d+) failing\b/gm) + count(/^\d+ passed, (\d+) failed/gm);
console.log(`${passed} passed, ${failed} failed`);
