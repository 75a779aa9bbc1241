#!/usr/bin/env node
// Validates a weapp build offline with miniprogram-ci, the compiler of WeChat's own devtools:
// app.json and every page's JSON as WeChat reads them, a full compile, the code-quality checks,
// plus the files of every page and the package sizes. No AppID, no upload, no network: the
// client's HTTP helpers are replaced by ones that refuse, so nothing leaves this machine.
// Prints one line `WEAPP_CHECK_REPORT <json>` and exits (miniprogram-ci leaves a file watcher
// running, so the process must end itself).
const crypto = require('crypto')
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '..')
const dir = path.resolve(process.argv[2] || path.join(ROOT, 'dist', 'weapp'))
const ciPath = require.resolve('miniprogram-ci', { paths: [ROOT] })
const ciDist = path.dirname(ciPath)

const offline = async (opts) => {
  throw new Error(`offline check: refused request to ${opts && opts.url}`)
}
const httpHelpers = require(path.join(ciDist, 'utils', 'request.js'))
httpHelpers.request = offline
httpHelpers.simpleRequest = offline

const ci = require(ciPath)

/** Files excluded from package sizes: project settings read by the devtools, not shipped. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json'])

function listFiles(base, rel = '') {
  return fs.readdirSync(path.join(base, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name
    return e.isDirectory() ? listFiles(base, p) : [p]
  })
}

async function main() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: dir, privateKey, ignores: [] })
  // Without this the project asks WeChat's servers for its attributes.
  project._attr = ci.DefaultProjectAttr

  const appJson = await ci.getAppJSON(project)
  const subPackages = appJson.subPackages || appJson.subpackages || []
  const pages = [
    ...appJson.pages,
    ...subPackages.flatMap((sp) => sp.pages.map((p) => `${sp.root.replace(/\/+$/, '')}/${p}`)),
  ]

  const pageJson = {}
  const pageFiles = {}
  for (const page of pages) {
    pageJson[page] = await ci.getPageJSON(project, { miniprogramRoot: '', pagePath: page })
    pageFiles[page] = Object.fromEntries(
      ['js', 'wxml', 'json', 'wxss'].map((ext) => [ext, fs.existsSync(path.join(dir, `${page}.${ext}`))]),
    )
  }

  const compiled = await ci.getCompiledResult({ project, setting: { es6: false, minify: false, minifyWXML: true, minifyWXSS: true }, onProgressUpdate: () => {} })
  const quality = await ci.checkCodeQuality(project)

  const roots = subPackages.map((sp) => sp.root.replace(/\/+$/, '') + '/')
  const sizes = { main: 0, total: 0, subPackages: Object.fromEntries(roots.map((r) => [r, 0])) }
  for (const file of listFiles(dir)) {
    if (NOT_SHIPPED.has(file)) continue
    const size = fs.statSync(path.join(dir, file)).size
    sizes.total += size
    const root = roots.find((r) => file.startsWith(r))
    if (root) sizes.subPackages[root] += size
    else sizes.main += size
  }

  return {
    dir,
    appJson,
    pages,
    pageJson,
    pageFiles,
    compiledFiles: Object.keys(compiled).length,
    quality: quality.map(({ name, success, text, detail }) => ({ name, success, text, detail })),
    sizes,
  }
}

main().then(
  (report) => {
    process.stdout.write(`\nWEAPP_CHECK_REPORT ${JSON.stringify(report)}\n`, () => process.exit(0))
  },
  (err) => {
    const detail = err && (err.stack || err.message || String(err))
    process.stdout.write(`\nWEAPP_CHECK_ERROR ${JSON.stringify(String(detail))}\n`, () => process.exit(1))
  },
)
