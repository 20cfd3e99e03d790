#!/usr/bin/env -S node --max-old-space-size=384
// The desk-record command. It runs the TypeScript sources through tsx (a devDependency, installed
// by `npm install`): no build step to forget, never a stale bundle. See README, "The desk-record CLI".
// The old-generation cap makes V8 collect each audited workbook's garbage rather than grow the
// heap: an audit's live data is a fraction of that (bench/audit.bench.ts runs with this same flag).
'use strict';
require('tsx/cjs/api').register();
const { runFromShell } = require('../src/cli/shell.ts');
runFromShell();
