/**
 * Makes sure that any number of requests failing with 401 at the same time cause exactly one call
 * to the refresh endpoint: the first caller starts it, the others wait for the same promise.
 * Once it has settled, a later 401 may start a new one.
 */
export interface RefreshCoordinator<T> {
  refresh(): Promise<T>
  readonly inFlight: boolean
}

export function createRefreshCoordinator<T>(run: () => Promise<T>): RefreshCoordinator<T> {
  let pending: Promise<T> | null = null
  return {
    refresh() {
      if (!pending) {
        pending = run().finally(() => {
          pending = null
        })
      }
      return pending
    },
    get inFlight() {
      return pending !== null
    },
  }
}
