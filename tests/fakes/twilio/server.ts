import { startFakeServer, type FakeServer, type FakeServerOptions } from '../serve-fake';
import { DroppedConnectionError, type FakeTwilio } from './fake-twilio';
import { API_HOST, CONTENT_HOST } from './wire';

export type FakeTwilioServerOptions = FakeServerOptions;
export type FakeTwilioServer = FakeServer;

/** FakeTwilio over real HTTP(S): api.twilio.com and content.twilio.com on one port, routed by Host. */
export function startFakeTwilioServer(fake: FakeTwilio, options: FakeTwilioServerOptions = {}): Promise<FakeTwilioServer> {
  return startFakeServer(
    {
      name: 'FakeTwilio',
      hostNames: [API_HOST, CONTENT_HOST],
      handle: (request) => fake.handle(request),
      isDroppedConnection: (error) => error instanceof DroppedConnectionError,
    },
    options,
  );
}
