/**
 * The networks users sit behind, on loopback: a private CA and certificates it issues, a TLS
 * front that puts the (plain http) emulator behind https with such a certificate, and a proxy
 * that tunnels CONNECT and forwards absolute-form requests, as squid or a corporate proxy does.
 *
 * The proxy resolves names itself, from its own table (`hosts`): `metastudio.test` is a name no
 * DNS server knows, so a request that reaches the emulator through it proves the client let the
 * proxy resolve it and did not look it up itself.
 */
import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, IncomingMessage, request, Server } from "node:http";
import { AddressInfo, connect, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer, Server as TlsServer } from "node:tls";
import * as x509 from "@peculiar/x509";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

export interface Identity {
  certPem: string;
  keyPem: string;
}

async function pkcs8Pem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString("base64").replace(/.{64}/g, "$&\n").replace(/\n?$/, "\n")}-----END PRIVATE KEY-----\n`;
}

const serial = () =>
  randomBytes(16)
    .toString("hex")
    .replace(/^[89a-f]/, "1");

function leafExtensions(names: readonly string[]): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(names.map((n) => (/^[\d.]+$/.test(n) ? { type: "ip", value: n } : { type: "dns", value: n }))),
  ];
}

export interface TestCa {
  certPem: string;
  /** A certificate for `names` (host names or IPv4 addresses) issued by this CA. */
  issue(names: readonly string[]): Promise<Identity>;
}

export async function privateCa(): Promise<TestCa> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const now = Date.now();
  const name = `CN=pulumi-metastudio test CA ${serial().slice(0, 8)}`;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 24 * 3600_000),
    keys: keys as never,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return {
    certPem: ca.toString("pem"),
    async issue(names) {
      const leafKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: `CN=${names[0]}`,
        issuer: name,
        notBefore: new Date(now - 60_000),
        notAfter: new Date(now + 24 * 3600_000),
        publicKey: leafKeys.publicKey as never,
        signingKey: keys.privateKey as never,
        signingAlgorithm: ALGORITHM,
        extensions: leafExtensions(names),
      });
      return { certPem: leaf.toString("pem"), keyPem: await pkcs8Pem(leafKeys.privateKey) };
    },
  };
}

/** A certificate that signs itself, for `names`: what no client should trust. */
export async function selfSigned(names: readonly string[]): Promise<Identity> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${names[0]}`,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 24 * 3600_000),
    keys: keys as never,
    signingAlgorithm: ALGORITHM,
    extensions: leafExtensions(names),
  });
  return { certPem: cert.toString("pem"), keyPem: await pkcs8Pem(keys.privateKey) };
}

/** Files in a fresh temporary folder; `remove` deletes it. */
export function tempFiles(): { write(name: string, text: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "metastudio-net-"));
  return {
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function closeAll(server: Server | TlsServer, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

function tracked(server: Server | TlsServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  });
  return sockets;
}

async function listen(server: Server | TlsServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

export interface TlsFront {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  /** TLS sessions that completed their handshake. */
  handshakes: number;
  close(): Promise<void>;
}

/** https on loopback with `identity`, every connection piped to the plain http server at `target`. */
export async function tlsFront(target: string, identity: Identity): Promise<TlsFront> {
  const { hostname, port: targetPort } = new URL(target);
  const state = { handshakes: 0 };
  const server = createTlsServer({ cert: identity.certPem, key: identity.keyPem }, (tlsSocket) => {
    state.handshakes++;
    const upstream = connect(Number(targetPort), hostname);
    upstream.on("error", () => tlsSocket.destroy());
    tlsSocket.on("error", () => upstream.destroy());
    tlsSocket.pipe(upstream).pipe(tlsSocket);
  });
  server.on("tlsClientError", () => undefined);
  const sockets = tracked(server);
  const port = await listen(server);
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    get handshakes() {
      return state.handshakes;
    },
    close: () => closeAll(server, sockets),
  };
}

export interface ProxySeen {
  /** `CONNECT` or the absolute-form request's method. */
  method: string;
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string;
  proxyAuthorization?: string;
  /** The request as it reached the proxy, headers and all (an absolute-form request's are the API's). */
  head: string;
}

export interface TestProxy {
  /** http://127.0.0.1:PORT, without credentials. */
  url: string;
  port: number;
  seen: ProxySeen[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** name:port as clients ask for it -> host:port the proxy connects to. Any other is 502. */
  hosts: Readonly<Record<string, string>>;
  /** When set, requests without this `Basic` user:password get 407. */
  credentials?: { user: string; password: string };
}

function headOf(req: IncomingMessage): string {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return lines.join("\r\n");
}

/** A proxy on loopback: CONNECT tunnels for https, forwarding for absolute-form http requests. */
export async function startProxy(opts: ProxyOptions): Promise<TestProxy> {
  const seen: ProxySeen[] = [];
  const expected = opts.credentials && `Basic ${Buffer.from(`${opts.credentials.user}:${opts.credentials.password}`).toString("base64")}`;
  const refused = (auth: string | undefined) => expected !== undefined && auth !== expected;
  const server = createServer((req, res) => {
    const auth = req.headers["proxy-authorization"];
    seen.push({ method: req.method ?? "", target: req.url ?? "", proxyAuthorization: auth, head: headOf(req) });
    if (refused(auth)) {
      res.writeHead(407, { "Proxy-Authenticate": 'Basic realm="test"', Connection: "close" });
      res.end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "");
    } catch {
      res.writeHead(400);
      res.end("not an absolute-form request");
      return;
    }
    const to = opts.hosts[`${url.hostname}:${url.port || 80}`];
    if (!to) {
      res.writeHead(502);
      res.end(`no such host: ${url.hostname}`);
      return;
    }
    const [host, port] = to.split(":");
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = request({ host, port: Number(port), method: req.method, path: url.pathname + url.search, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    const auth = req.headers["proxy-authorization"];
    seen.push({ method: "CONNECT", target: req.url ?? "", proxyAuthorization: auth, head: headOf(req) });
    client.on("error", () => undefined);
    if (refused(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const to = opts.hosts[req.url ?? ""];
    if (!to) {
      client.end("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const [host, port] = to.split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  const sockets = tracked(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, seen, close: () => closeAll(server, sockets) };
}
