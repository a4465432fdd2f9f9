/** FakePipedrive on a local HTTPS port, standing in for one company's `<company>.pipedrive.com`. */
import { FakePipedrive, startFakePipedriveServer, type FakePipedriveServer } from '../../fakes/pipedrive';

/** A real token has this shape (40 hex digits); the settings page refuses any other. */
const API_TOKEN = '0123456789abcdef0123456789abcdef01234567';

export interface LocalPipedrive {
  fake: FakePipedrive;
  server: FakePipedriveServer;
  /** For `launchExtension`: the company's host to the server, for its pages and its API alike. */
  hostMap: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalPipedrive(): Promise<LocalPipedrive> {
  const fake = new FakePipedrive({ apiToken: API_TOKEN });
  const server = await startFakePipedriveServer(fake, { https: true });
  return {
    fake,
    server,
    hostMap: { [`${fake.host}:443`]: `127.0.0.1:${server.port}` },
    close: () => server.close(),
  };
}
