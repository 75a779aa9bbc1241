import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'path'
import type Chain from 'webpack-chain'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Where the app sends `/api/...` requests. An explicit TARO_APP_API_BASE (from the shell or a
 * `.env.<mode>` file) wins; otherwise H5 uses its own origin (it is served by the backend at /m/)
 * and the mini-program talks to a backend on this machine.
 */
function resolveApiBase(platform: string | undefined): string {
  const explicit = process.env.TARO_APP_API_BASE
  if (explicit !== undefined) return explicit
  return platform === 'h5' ? '' : 'http://127.0.0.1:8080'
}

const WORKSPACE_MODULES = path.resolve(__dirname, '..', 'node_modules')

/**
 * npm workspaces nest some Taro packages under customer-taro/node_modules (their optional peers
 * clash with what the console hoists to the root, rollup 4 for one); Taro packages hoisted to the
 * root (@tarojs/taro-h5) must still find them, so the workspace folder is searched last.
 */
function addWorkspaceModules(chain: Chain) {
  chain.resolve.modules.add('node_modules')
  chain.resolve.modules.add(WORKSPACE_MODULES)
}

/**
 * The H5 router keeps the app's history in a module variable, so the app entry and @tarojs/taro-h5
 * (whose switchTab/navigateTo use it) must share one copy. npm leaves a second copy nested under
 * taro-h5, and Taro's own alias for it resolves to nothing in a workspace, so it is pinned here.
 */
function pinH5Router(chain: Chain) {
  const pkgJson = require.resolve('@tarojs/router/package.json', { paths: [path.resolve(__dirname, '..')] })
  const entry = require(pkgJson)['main:h5'] as string
  chain.resolve.alias.set('@tarojs/router$', path.join(path.dirname(pkgJson), entry))
}

/**
 * Taro splits only the initial chunks on H5, so every lazily loaded page carried its own copy of
 * the component library (~70 KB each). Code used by two or more pages goes to shared async chunks.
 */
function sharePageChunks(chain: Chain) {
  chain.optimization.merge({
    splitChunks: {
      cacheGroups: {
        pagesShared: { chunks: 'async', minChunks: 2, priority: 50, reuseExistingChunk: true },
      },
    },
  })
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'escort-customer',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per platform, so a weapp build and an H5 build never overwrite each other.
    outputRoot: `dist/${platform}`,
    plugins: [],
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    env: {
      TARO_APP_API_BASE: JSON.stringify(resolveApiBase(platform)),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        addWorkspaceModules(chain)
      },
    },
    h5: {
      // Served by the backend under /m/; hash routing needs no server-side rewrites.
      publicPath: '/m/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        addWorkspaceModules(chain)
        pinH5Router(chain)
        sharePageChunks(chain)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
