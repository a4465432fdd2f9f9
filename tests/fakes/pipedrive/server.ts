import { startFakeServer, type FakeServer, type FakeServerOptions } from '../serve-fake';
import type { FakePipedrive } from './fake-pipedrive';

export type FakePipedriveServerOptions = FakeServerOptions;
export type FakePipedriveServer = FakeServer;

/** FakePipedrive over real HTTP(S): every `<company>.pipedrive.com` on one port, routed by Host. */
export function startFakePipedriveServer(fake: FakePipedrive, options: FakePipedriveServerOptions = {}): Promise<FakePipedriveServer> {
  return startFakeServer({ name: 'FakePipedrive', hostNames: ['*.pipedrive.com', `${fake.company}.pipedrive.com`], handle: (request) => fake.handle(request) }, options);
}
