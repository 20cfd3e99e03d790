#!/usr/bin/env node
// The desk-record command. It runs the TypeScript sources through tsx (a devDependency, installed
// by `npm install`): no build step to forget, never a stale bundle. See README, "The desk-record CLI".
'use strict';
require('tsx/cjs/api').register();
const { runFromShell } = require('../src/cli/shell.ts');
runFromShell();
