/** msw handlers that answer Twilio's hosts from a FakeTwilio, for unit tests of code that calls fetch. */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { DroppedConnectionError, type FakeTwilio } from './fake-twilio';
import { API_HOST, CONTENT_HOST } from './wire';

export function twilioHandlers(fake: FakeTwilio): HttpHandler[] {
  const delegate = async ({ request }: { request: Request }): Promise<Response> => {
    try {
      return await fake.handle(request);
    } catch (error) {
      // msw would turn a thrown error into a 500; a dropped connection must reject fetch instead.
      if (error instanceof DroppedConnectionError) return HttpResponse.error();
      throw error;
    }
  };
  return [http.all(`https://${API_HOST}/*`, delegate), http.all(`https://${CONTENT_HOST}/*`, delegate)];
}
