import { singleFlight } from './single-flight'

describe('single-flight submit guard', () => {
  it('runs the action once however often it is tapped while the first run is pending', async () => {
    let finish: () => void = () => undefined
    const action = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const submit = singleFlight(action)

    const first = submit()
    const second = submit()
    expect(submit.isRunning()).toBe(true)
    finish()
    await Promise.all([first, second])

    expect(action).toHaveBeenCalledTimes(1)
    expect(second).toBe(first)
    expect(submit.isRunning()).toBe(false)
  })

  it('allows a new run after the previous one failed', async () => {
    const action = jest.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce('ok')
    const submit = singleFlight(action)

    await expect(submit()).rejects.toThrow('boom')
    await expect(submit()).resolves.toBe('ok')
    expect(action).toHaveBeenCalledTimes(2)
  })
})
