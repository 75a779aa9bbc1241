#!/usr/bin/env node
/**
 * `npm start`: builds whatever part of the product has not been built yet (API, console, H5
 * mini-program), then serves all three from one port on the embedded SQLite database with
 * demo data. `npm start -- --rebuild` builds everything again.
 *
 * Environment: PORT (default 8080), DATA_DIR (default ./data), and everything in README.md.
 */
const { execSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const rebuild = process.argv.includes('--rebuild');
const parts = [
  { name: 'API (backend)', marker: 'backend/dist/configuration.js', cmd: 'npm run build -w backend' },
  { name: 'console', marker: 'console/dist/index.html', cmd: 'npm run build -w console' },
  { name: 'H5 mini-program', marker: 'customer-taro/dist/h5/index.html', cmd: 'npm run build:h5 -w customer-taro' },
];

for (const part of parts) {
  if (!rebuild && fs.existsSync(path.join(root, part.marker))) continue;
  console.log(`\n> building the ${part.name}: ${part.cmd}`);
  execSync(part.cmd, { cwd: root, stdio: 'inherit' });
}

const port = process.env.PORT || '8080';
// The embedded demo runs as a local (development) deployment: SQLite, dev SMS sender and
// sandbox WeChat login. Production (NODE_ENV=production) refuses to start with those.
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'local', PORT: port };
console.log(`\n> starting on http://127.0.0.1:${port}/  (console /, H5 mini-program /m/, API /api, docs /api/docs/)`);
const child = spawn(process.execPath, ['bootstrap.js'], { cwd: path.join(root, 'backend'), env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', code => process.exit(code ?? 0));
