import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundError, isUnanswered, request } from './client';

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'answered',
    (error: unknown) => error,
  );
}

it.each([
  ['the channel closes unanswered', () => Promise.reject(new Error('The message port closed before a response was received.'))],
  ['the answer is empty', () => Promise.resolve(undefined)],
])('knows the background did not answer when %s', async (_, answer) => {
  fakeBrowser.runtime.onMessage.addListener(answer);
  const failure = await failureOf(request('getSyncStatus', {}));
  expect(failure).toBeInstanceOf(BackgroundError);
  expect(isUnanswered(failure)).toBe(true);
});

it('does not take a refusal for silence', async () => {
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, error: { code: 'invalid', message: 'That is not a number.' } }));
  const failure = await failureOf(request('checkPhone', { number: 'abc' }));
  expect(failure).toMatchObject({ code: 'invalid', message: 'That is not a number.' });
  expect(isUnanswered(failure)).toBe(false);
});
