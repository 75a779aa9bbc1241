#!/usr/bin/env node
// Builds the weapp output unless dist/weapp is newer than every source and config file, so
// `npm test` checks what the sources produce today without rebuilding when nothing changed.
// Run directly (`node scripts/ensure-weapp-build.js [--force]`) or required by the tests.
const { spawnSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'dist', 'weapp')
const MARKER = path.join(OUT, 'app.json')
const INPUTS = ['src', 'config', 'babel.config.js', 'project.config.json', 'package.json', '.env', '.env.production']

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs)
}

function isFresh() {
  if (!fs.existsSync(MARKER)) return false
  const built = fs.statSync(MARKER).mtimeMs
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= built)
}

function ensureWeappBuild({ force = false } = {}) {
  if (!force && isFresh()) return { built: false, outDir: OUT }
  const env = { ...process.env }
  // Jest sets NODE_ENV=test; Taro must choose its own mode (production for a plain build).
  delete env.NODE_ENV
  const taroBin = require.resolve('@tarojs/cli/bin/taro', { paths: [ROOT] })
  const res = spawnSync(process.execPath, [taroBin, 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (res.status !== 0 || !fs.existsSync(MARKER)) {
    const tail = `${res.stdout}\n${res.stderr}`.split('\n').slice(-40).join('\n')
    throw new Error(`taro build --type weapp failed (exit ${res.status}):\n${tail}`)
  }
  // Taro rewrites app.json each build; touch it so freshness is measured from the end of this build.
  const now = new Date()
  fs.utimesSync(MARKER, now, now)
  return { built: true, outDir: OUT }
}

module.exports = { ensureWeappBuild, OUT }

if (require.main === module) {
  const started = Date.now()
  const { built } = ensureWeappBuild({ force: process.argv.includes('--force') })
  console.log(built ? `weapp built in ${Math.round((Date.now() - started) / 1000)} s` : 'dist/weapp is up to date')
}
