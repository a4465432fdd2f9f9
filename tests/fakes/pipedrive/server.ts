/**
 * Serves a FakePipedrive over real HTTP(S), for a browser whose DNS sends `<company>.pipedrive.com`
 * to 127.0.0.1 (`--host-resolver-rules`): the Host header says which company was asked for.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { FakePipedrive } from './fake-pipedrive';

export interface FakePipedriveServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  https?: boolean;
  host?: string;
}

export interface FakePipedriveServer {
  url: string;
  port: number;
  /** PEM of the self-signed certificate when serving HTTPS, for clients that verify it (`ca`). */
  certificate: string | null;
  close(): Promise<void>;
}

interface Certificate {
  key: string;
  cert: string;
}

let certificate: Promise<Certificate> | undefined;

/** Generated once per process: key generation is the slowest part of starting a server. */
function selfSignedCertificate(): Promise<Certificate> {
  certificate ??= generate([{ name: 'commonName', value: '*.pipedrive.com' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: '*.pipedrive.com' },
          { type: 2, value: 'acme.pipedrive.com' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

function toFetchRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  // The fake answers only GET and HEAD, so a request body is never read.
  return new Request(`https://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`, {
    method: incoming.method ?? 'GET',
    headers,
  });
}

async function serve(fake: FakePipedrive, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  let response: Response;
  try {
    response = await fake.handle(toFetchRequest(incoming));
  } catch (error) {
    // A bug in the fake must be visible in the test output, not pass for a Pipedrive outage.
    console.error('FakePipedrive crashed', error);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    response = new Response(`FakePipedrive crashed: ${detail}`, { status: 500 });
  }
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export async function startFakePipedriveServer(
  fake: FakePipedrive,
  options: FakePipedriveServerOptions = {},
): Promise<FakePipedriveServer> {
  const listener = (incoming: IncomingMessage, outgoing: ServerResponse) => void serve(fake, incoming, outgoing);
  const tls = options.https ? await selfSignedCertificate() : null;
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    certificate: tls?.cert ?? null,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
