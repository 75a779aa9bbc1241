import { defineConfig } from '@umijs/max';
import proxy from './proxy';
import routes from './routes';

export default defineConfig({
  antd: {
    configProvider: {},
    appConfig: {},
  },
  access: {},
  model: {},
  initialState: {},
  request: {},
  locale: {
    default: 'zh-CN',
    antd: true,
    baseNavigator: false,
    baseSeparator: '-',
  },
  layout: {
    title: '陪诊运营平台',
    locale: false,
  },
  title: '陪诊运营平台',
  history: { type: 'browser' },
  publicPath: '/',
  hash: true,
  routes,
  proxy,
  npmClient: 'npm',
  // Staff use current Chrome/Edge; stable polyfills only (Umi's default pulls in every esnext proposal).
  targets: { chrome: 87, edge: 88 },
  polyfill: { imports: ['core-js/stable'] },
  // antd 5 uses dayjs; this points the locale plugin at dayjs instead of bundling moment as well.
  moment2dayjs: { preset: 'none', plugins: ['utc', 'timezone'] },
  // The backend serves the built console; sourcemaps stay out of the shipped bundle.
  devtool: process.env.NODE_ENV === 'development' ? 'cheap-module-source-map' : false,
});
