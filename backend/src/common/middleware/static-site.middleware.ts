import { Config, IMiddleware, Middleware } from '@midwayjs/core';
import { Context, NextFunction } from '@midwayjs/koa';
import * as fs from 'fs';
import * as path from 'path';
import type { AppSettings } from '../../config/settings';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Site {
  prefix: string;
  dir: string;
  /** History-routed apps answer unknown paths with index.html. */
  spaFallback: boolean;
}

/**
 * Serves the built console at `/` and the H5 mini-program at `/m/` from the same port as the API,
 * so one command runs the whole product. Files with a content hash in their name are cached
 * for a year; index.html never, so a new release shows at the next load.
 */
@Middleware()
export class StaticSiteMiddleware implements IMiddleware<Context, NextFunction> {
  @Config('app')
  settings: AppSettings;

  match(ctx: Context) {
    return (ctx.method === 'GET' || ctx.method === 'HEAD') && !ctx.path.startsWith('/api/') && ctx.path !== '/api';
  }

  resolve() {
    const sites: Site[] = [
      { prefix: '/m/', dir: this.settings.h5Dir, spaFallback: false },
      { prefix: '/', dir: this.settings.consoleDir, spaFallback: true },
    ];
    return async (ctx: Context, next: NextFunction) => {
      if (ctx.path === '/m') return ctx.redirect('/m/');
      const site = sites.find(s => ctx.path.startsWith(s.prefix));
      if (!site || !fs.existsSync(site.dir)) return next();
      let rel: string;
      try {
        rel = decodeURIComponent(ctx.path.slice(site.prefix.length));
      } catch {
        return next();
      }
      const root = path.resolve(site.dir);
      let file = path.resolve(root, rel || 'index.html');
      // Never serve anything outside the site folder (../ in the path).
      if (file !== root && !file.startsWith(root + path.sep)) return next();
      let stat = statOrNull(file);
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = statOrNull(file);
      }
      if (!stat?.isFile()) {
        if (!site.spaFallback || path.extname(rel)) return next();
        file = path.join(root, 'index.html');
        stat = statOrNull(file);
        if (!stat?.isFile()) return next();
      }
      const ext = path.extname(file).toLowerCase();
      ctx.type = MIME[ext] ?? 'application/octet-stream';
      ctx.length = stat.size;
      ctx.set('Last-Modified', stat.mtime.toUTCString());
      ctx.set('X-Content-Type-Options', 'nosniff');
      const hashed = /[.-][0-9a-f]{8,}\.(js|css|png|svg|woff2?|ttf|jpg)$/i.test(file);
      ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file);
    };
  }

  static getName() {
    return 'staticSite';
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
