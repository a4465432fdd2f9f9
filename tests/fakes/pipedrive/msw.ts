/** msw handlers that answer every `*.pipedrive.com` host from a FakePipedrive, for unit tests of code that calls fetch. */
import { http, type HttpHandler } from 'msw';
import type { FakePipedrive } from './fake-pipedrive';

/** Anchored at the path so look-alikes (`acme.pipedrive.com.evil.example`) stay unhandled and fail the test. */
const PIPEDRIVE_URL = /^https:\/\/[a-z0-9-]+\.pipedrive\.com(?::\d+)?\//;

export function pipedriveHandlers(fake: FakePipedrive): HttpHandler[] {
  return [http.all(PIPEDRIVE_URL, ({ request }) => fake.handle(request))];
}
