/**
 * The weapp build, checked offline the way WeChat's devtools would check it (miniprogram-ci),
 * plus what the devtools take for granted: every page's files exist and the main package stays
 * under WeChat's 2 MB limit. `npm test` builds first (pretest) when the sources changed.
 */
import { spawn } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'

const { ensureWeappBuild } = require('../scripts/ensure-weapp-build') as {
  ensureWeappBuild: () => { built: boolean; outDir: string }
}

const CHECK_SCRIPT = path.resolve(__dirname, '..', 'scripts', 'check-weapp.js')
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024
/** Our own budget, well under WeChat's limit: the first screen loads fast on a weak network. */
const MAIN_PACKAGE_BUDGET = 400 * 1024
const ALL_PACKAGES_LIMIT = 20 * 1024 * 1024
const TAB_ICON_LIMIT = 40 * 1024

interface CheckReport {
  appJson: {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
    tabBar?: { list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] }
  }
  pages: string[]
  pageJson: Record<string, { usingComponents?: Record<string, string> }>
  pageFiles: Record<string, Record<'js' | 'wxml' | 'json' | 'wxss', boolean>>
  compiledFiles: number
  quality: { name: string; success: boolean; text: string; detail?: unknown }[]
  sizes: { main: number; total: number; subPackages: Record<string, number> }
}

type CheckOutcome = { report: CheckReport } | { error: string }

/** Runs the checker in its own process: miniprogram-ci leaves a watcher that would keep Jest alive. */
function runCheck(dir: string): Promise<CheckOutcome> {
  return new Promise((resolve, reject) => {
    // Jest sets NODE_ENV=test; the checker has no use for it.
    const env = { ...process.env }
    delete env.NODE_ENV
    const child = spawn(process.execPath, [CHECK_SCRIPT, dir], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', () => {
      const report = out.match(/^WEAPP_CHECK_REPORT (.*)$/m)
      const error = out.match(/^WEAPP_CHECK_ERROR (.*)$/m)
      if (report) resolve({ report: JSON.parse(report[1]) })
      else if (error) resolve({ error: JSON.parse(error[1]) })
      else reject(new Error(`check-weapp printed no report:\n${out.slice(-3000)}`))
    })
  })
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

describe('the weapp build', () => {
  let outDir: string
  let report: CheckReport

  beforeAll(async () => {
    outDir = ensureWeappBuild().outDir
    const outcome = await runCheck(outDir)
    if ('error' in outcome) throw new Error(`miniprogram-ci rejected dist/weapp: ${outcome.error}`)
    report = outcome.report
  }, 600_000)

  it('has an app.json that miniprogram-ci accepts, with the four main pages and the escort, booking, account, feedback and help sub-packages', () => {
    expect(report.appJson.pages).toEqual([
      'pages/index/index',
      'pages/orders/index',
      'pages/mine/index',
      'pages/login/index',
    ])
    expect(report.appJson.subPackages).toEqual([
      {
        root: 'packages/escort/',
        pages: [
          'pages/login/index',
          'pages/workbench/index',
          'pages/task/index',
          'pages/leaves/index',
          'pages/schedule/index',
          'pages/income/index',
          'pages/settlements/index',
          'pages/settlement/index',
          'pages/income-detail/index',
        ],
      },
      { root: 'packages/booking/', pages: ['pages/create/index', 'pages/order/index', 'pages/service/index', 'pages/escort/index'] },
      { root: 'packages/account/', pages: ['pages/patients/index', 'pages/patient-edit/index', 'pages/messages/index', 'pages/legal/index'] },
      {
        root: 'packages/feedback/',
        pages: ['pages/review/index', 'pages/reviews/index', 'pages/tickets/index', 'pages/ticket-new/index', 'pages/ticket/index'],
      },
      { root: 'packages/help/', pages: ['pages/index/index', 'pages/article/index'] },
    ])
  })

  it('has the .js, .wxml and .json files of every page listed in app.json', () => {
    expect(report.pages).toHaveLength(28)
    for (const page of report.pages) {
      expect({ page, ...report.pageFiles[page] }).toMatchObject({ page, js: true, wxml: true, json: true })
    }
  })

  it('gives every page a page JSON that miniprogram-ci reads without error', () => {
    for (const page of report.pages) {
      expect(report.pageJson[page]).toEqual(expect.objectContaining({ usingComponents: expect.any(Object) }))
    }
  })

  it('compiles with the devtools compiler', () => {
    expect(report.compiledFiles).toBeGreaterThan(report.pages.length)
  })

  it('passes every code-quality check of the devtools', () => {
    const failed = report.quality.filter((q) => !q.success).map((q) => `${q.name}: ${q.text}`)
    expect(failed).toEqual([])
    expect(report.quality.map((q) => q.name)).toContain('PACKAGE_SIZE_LIMIT')
  })

  it('keeps the main package under 2 MB and all packages under 20 MB', () => {
    const subs = Object.entries(report.sizes.subPackages).map(([root, size]) => `${root} ${kb(size)}`)
    console.log(`weapp sizes: main package ${kb(report.sizes.main)}; ${subs.join('; ')}; total ${kb(report.sizes.total)}`)
    expect(report.sizes.main).toBeLessThan(MAIN_PACKAGE_LIMIT)
    expect(report.sizes.total).toBeLessThan(ALL_PACKAGES_LIMIT)
  })

  it('keeps the main package under the 400 KB budget, with booking, payment, order detail, the workbench, reviews, tickets and help outside it', () => {
    console.log(`weapp main package ${kb(report.sizes.main)} of the ${kb(MAIN_PACKAGE_BUDGET)} budget`)
    expect(report.sizes.main).toBeLessThan(MAIN_PACKAGE_BUDGET)
    const mainPages = report.appJson.pages
    for (const page of ['create', 'order', 'workbench', 'task', 'escort', 'settlements', 'settlement', 'income-detail', 'review', 'ticket', 'article']) {
      expect(mainPages.some((p) => p.includes(`/${page}/`))).toBe(false)
    }
  })

  it('shows 首页, 订单 and 我的 in the tab bar, with icons that exist and stay under 40 KB', () => {
    const list = report.appJson.tabBar?.list ?? []
    expect(list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/index/index', '首页'],
      ['pages/orders/index', '订单'],
      ['pages/mine/index', '我的'],
    ])
    for (const tab of list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toBeDefined()
        const size = fs.statSync(path.join(outDir, icon as string)).size
        expect(size).toBeLessThan(TAB_ICON_LIMIT)
      }
    }
  })
})

describe('the offline weapp check', () => {
  const broken: Record<string, CheckOutcome> = {}
  let scratch: string

  /** A copy of the real build with one thing broken, as a careless change would break it. */
  function brokenCopy(name: string, breakIt: (dir: string) => void): string {
    const dir = path.join(scratch, name)
    fs.cpSync(ensureWeappBuild().outDir, dir, { recursive: true })
    breakIt(dir)
    return dir
  }

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-check-'))
    const cases: Record<string, (dir: string) => void> = {
      missingPageFile: (dir) => fs.rmSync(path.join(dir, 'pages/mine/index.wxml')),
      malformedPageJson: (dir) => fs.writeFileSync(path.join(dir, 'pages/orders/index.json'), '{"navigationBarTitleText": '),
      unclosedTag: (dir) => fs.writeFileSync(path.join(dir, 'pages/login/index.wxml'), '<view><text>x</view>'),
    }
    const dirs = Object.entries(cases).map(([name, breakIt]) => [name, brokenCopy(name, breakIt)] as const)
    const outcomes = await Promise.all(dirs.map(([, dir]) => runCheck(dir)))
    dirs.forEach(([name], i) => (broken[name] = outcomes[i]))
  }, 600_000)

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true })
  })

  it('rejects a build in which a page file is missing', () => {
    expect(broken.missingPageFile).toEqual({ error: expect.stringContaining('pages/mine/index.wxml') })
  })

  it('rejects a build with malformed page JSON', () => {
    expect(broken.malformedPageJson).toEqual({ error: expect.stringContaining('pages/orders/index.json') })
  })

  it('rejects a build with an unclosed WXML tag', () => {
    expect(broken.unclosedTag).toEqual({ error: expect.stringContaining('unexpected end tag') })
  })
})
