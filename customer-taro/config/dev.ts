import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // `npm run dev:h5` talks to a backend on this machine through the dev server, same-origin.
      proxy: [
        {
          context: ['/api'],
          target: process.env.TARO_DEV_PROXY_TARGET || 'http://127.0.0.1:8080',
          changeOrigin: true,
        },
      ],
    },
  },
} satisfies UserConfigExport<'webpack5'>
