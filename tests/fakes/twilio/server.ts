/**
 * Serves a FakeTwilio over real HTTP(S), for a browser whose DNS sends api.twilio.com and
 * content.twilio.com to 127.0.0.1 (`--host-resolver-rules`): routing follows the Host header.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { DroppedConnectionError, type FakeTwilio } from './fake-twilio';
import { API_HOST, CONTENT_HOST } from './wire';

export interface FakeTwilioServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  https?: boolean;
  host?: string;
}

export interface FakeTwilioServer {
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
  certificate ??= generate([{ name: 'commonName', value: API_HOST }], {
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
          { type: 2, value: API_HOST },
          { type: 2, value: CONTENT_HOST },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

async function toFetchRequest(incoming: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return new Request(`https://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
  });
}

async function serve(fake: FakeTwilio, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  let response: Response;
  try {
    response = await fake.handle(await toFetchRequest(incoming));
  } catch (error) {
    if (error instanceof DroppedConnectionError) {
      incoming.socket.destroy();
      return;
    }
    // A bug in the fake must be visible in the test output, not pass for a Twilio outage.
    console.error('FakeTwilio crashed', error);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    response = new Response(`FakeTwilio crashed: ${detail}`, { status: 500 });
  }
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export async function startFakeTwilioServer(
  fake: FakeTwilio,
  options: FakeTwilioServerOptions = {},
): Promise<FakeTwilioServer> {
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
