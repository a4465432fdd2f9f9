// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { deferred } from '@/tests/support/panel';
import { BackgroundError } from '@/utils/messaging/client';
import { useLoad, type Keep } from './useLoad';

/** Does what settles a load, then lets the hook take the answer. */
function settle(step: () => unknown) {
  return act(async () => {
    step();
    await Promise.resolve();
  });
}

/** A hook whose load answers when the test says, one answer per call. */
function loading(keep?: Keep<string>) {
  const answers: ReturnType<typeof deferred<string>>[] = [];
  const load = () => {
    const answer = deferred<string>();
    answers.push(answer);
    return answer.promise;
  };
  const hook = renderHook(({ load }) => useLoad(load, 'Could not load.', keep), { initialProps: { load } });
  return { hook, answers };
}

it('is loading, then ready with the answer', async () => {
  const { hook, answers } = loading();
  expect(hook.result.current.state).toEqual({ status: 'loading' });
  await settle(() => answers[0]?.resolve('first'));
  expect(hook.result.current.state).toEqual({ status: 'ready', value: 'first', refreshError: null });
});

it('says the background’s words when it fails, and the fallback for anything else', async () => {
  const { hook, answers } = loading();
  await settle(() => answers[0]?.reject(new TypeError('internal detail')));
  expect(hook.result.current.state).toEqual({ status: 'failed', message: 'Could not load.' });
  act(() => hook.result.current.retry());
  expect(hook.result.current.state).toEqual({ status: 'loading' });
  await settle(() => answers[1]?.reject(new BackgroundError('unreachable', 'The background did not answer.')));
  expect(hook.result.current.state).toEqual({ status: 'failed', message: 'The background did not answer.' });
});

it('fails a reload outright, unless told to keep the last value on screen', async () => {
  const failing = loading();
  await settle(() => failing.answers[0]?.resolve('first'));
  act(() => failing.hook.result.current.reload());
  await settle(() => failing.answers[1]?.reject(new Error('x')));
  expect(failing.hook.result.current.state).toEqual({ status: 'failed', message: 'Could not load.' });

  const keeping = loading((last) => last);
  await settle(() => keeping.answers[0]?.resolve('first'));
  act(() => keeping.hook.result.current.reload());
  expect(keeping.hook.result.current.state).toMatchObject({ status: 'ready', value: 'first' });
  await settle(() => keeping.answers[1]?.reject(new Error('x')));
  expect(keeping.hook.result.current.state).toEqual({ status: 'ready', value: 'first', refreshError: 'Could not load.' });
});

it('drops the late answer of a load it no longer runs, and shows nothing of it', async () => {
  const { hook, answers } = loading();
  await settle(() => answers[0]?.resolve('for the old load'));
  const newer = () => Promise.resolve('for the new load');
  const stale = deferred<string>();
  hook.rerender({ load: () => stale.promise });
  expect(hook.result.current.state).toEqual({ status: 'loading' });
  hook.rerender({ load: newer });
  await settle(() => stale.resolve('late'));
    expect(hook.result.current.state).toEqual({ status: 'ready', value: 'for the new load', refreshError: null });
});

it('shows a copy seen before until the first answer, and keeps it when that answer fails', async () => {
  const { hook, answers } = loading((last) => last ?? 'seen before');
  expect(hook.result.current.state).toEqual({ status: 'ready', value: 'seen before', refreshError: null });
  await settle(() => answers[0]?.reject(new Error('x')));
  expect(hook.result.current.state).toEqual({ status: 'ready', value: 'seen before', refreshError: 'Could not load.' });
});

it('changes the loaded value in place', async () => {
  const { hook, answers } = loading();
  act(() => hook.result.current.update((value) => `${value}!`));
  expect(hook.result.current.state).toEqual({ status: 'loading' });
  await settle(() => answers[0]?.resolve('first'));
  act(() => hook.result.current.update((value) => `${value}!`));
  expect(hook.result.current.state).toEqual({ status: 'ready', value: 'first!', refreshError: null });
});
