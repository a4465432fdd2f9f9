/**
 * Serves an in-process fake (a fetch-style `handle(Request)`) over real HTTP(S) on loopback, for a
 * browser whose DNS is pointed here with `--host-resolver-rules`: the Host header says which
 * service was asked for.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface FakeServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  https?: boolean;
  host?: string;
}

export interface FakeServer {
  url: string;
  port: number;
  /** PEM of the self-signed certificate when serving HTTPS, for clients that verify it (`ca`). */
  certificate: string | null;
  close(): Promise<void>;
}

export interface ServedFake {
  /** Used in crash reports. */
  name: string;
  /** DNS names the certificate covers; the first is its common name. */
  hostNames: readonly string[];
  handle(request: Request): Promise<Response>;
  /** Whether an error thrown by `handle` means "drop the connection" rather than a crash. */
  isDroppedConnection?: (error: unknown) => boolean;
}

interface Certificate {
  key: string;
  cert: string;
}

const certificates = new Map<string, Promise<Certificate>>();

/** Generated once per process and name set: key generation is the slowest part of starting a server. */
function selfSignedCertificate(hostNames: readonly string[]): Promise<Certificate> {
  const key = hostNames.join(',');
  let certificate = certificates.get(key);
  if (!certificate) {
    certificate = generate([{ name: 'commonName', value: hostNames[0] ?? 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 24 * 60 * 60 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...hostNames.map((value) => ({ type: 2 as const, value })), { type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }],
        },
      ],
    }).then((pems) => ({ key: pems.private, cert: pems.cert }));
    certificates.set(key, certificate);
  }
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

async function serve(fake: ServedFake, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  let response: Response;
  try {
    response = await fake.handle(await toFetchRequest(incoming));
  } catch (error) {
    if (fake.isDroppedConnection?.(error)) {
      incoming.socket.destroy();
      return;
    }
    // A bug in the fake must be visible in the test output, not pass for an outage of the real service.
    console.error(`${fake.name} crashed`, error);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    response = new Response(`${fake.name} crashed: ${detail}`, { status: 500 });
  }
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export async function startFakeServer(fake: ServedFake, options: FakeServerOptions = {}): Promise<FakeServer> {
  const listener = (incoming: IncomingMessage, outgoing: ServerResponse) => void serve(fake, incoming, outgoing);
  const tls = options.https ? await selfSignedCertificate(fake.hostNames) : null;
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
