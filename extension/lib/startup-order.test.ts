import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interfaceMayLoad } from './startup-order';

function signal() {
  let fire = () => {};
  let fail = (_error: Error) => {};
  const promise = new Promise<void>((resolve, reject) => {
    fire = resolve;
    fail = reject;
  });
  return { promise, fire, fail };
}

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('when the panel loads its interface', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits while the page is not yet asked, and loads once it is', async () => {
    const asked = signal();
    const ended = signal();
    const gate = interfaceMayLoad({ asked: asked.promise, ended: ended.promise }, 100);
    await vi.advanceTimersByTimeAsync(60);
    expect(await settled(gate)).toBe(false);
    asked.fire();
    expect(await settled(gate)).toBe(true);
  });

  it('loads at once when the read ends without asking the page (blocked site, no access, another read took over)', async () => {
    const asked = signal();
    const ended = signal();
    const gate = interfaceMayLoad({ asked: asked.promise, ended: ended.promise }, 100);
    expect(await settled(gate)).toBe(false);
    ended.fire();
    expect(await settled(gate)).toBe(true);
  });

  it('loads when the read fails in a way it did not report itself', async () => {
    const asked = signal();
    const ended = signal();
    const gate = interfaceMayLoad({ asked: asked.promise, ended: ended.promise }, 100);
    ended.fail(new Error('chunk failed to load'));
    expect(await settled(gate)).toBe(true);
  });

  it('never waits longer than its limit (a policy that has to come from the network)', async () => {
    const gate = interfaceMayLoad({ asked: signal().promise, ended: signal().promise }, 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(await settled(gate)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(gate)).toBe(true);
  });
});
