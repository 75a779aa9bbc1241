// The baseline: bare koa answering the same envelope the API does, with no framework, guard,
// validation or database. Whatever the real endpoints cost above this is ours.
const Koa = require('koa');
const app = new Koa();
app.use(async ctx => {
  ctx.set('X-Request-Id', 'baseline');
  ctx.body = { success: true, data: { ok: true } };
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send && process.send('ready'));
