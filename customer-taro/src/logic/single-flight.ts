/**
 * Wraps an async action so that calling it again while it is still running does nothing and
 * returns the running promise: a double tap on 登录 sends one request, not two.
 */
export function singleFlight<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  let running: Promise<R> | null = null
  const run = (...args: A): Promise<R> => {
    if (running) return running
    running = action(...args).finally(() => {
      running = null
    })
    return running
  }
  return Object.assign(run, {
    isRunning: () => running !== null,
  })
}
