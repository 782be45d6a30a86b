/**
 * A TCP proxy a test controls (node:net): forward, pause (the far side stalls: nothing is
 * forwarded either way, connections stay open), resume, kill (every connection reset, port closed)
 * and start again on the same port. Used to make PostgreSQL or Redis stall or vanish under a
 * running app without touching the shared servers.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly held: Socket[] = [];
  private paused = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    return this.port;
  }

  /** Stall: stop forwarding on every connection, and hold new ones unanswered. */
  pause(): void {
    this.paused = true;
    for (const s of this.sockets) s.pause();
  }

  resume(): void {
    this.paused = false;
    for (const s of this.sockets) s.resume();
    for (const client of this.held.splice(0)) this.connect(client);
  }

  /** The server goes away: every connection is reset and the port refuses new ones. */
  async kill(): Promise<void> {
    this.paused = false;
    for (const s of [...this.sockets, ...this.held.splice(0)]) s.resetAndDestroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.paused) {
      client.pause();
      this.held.push(client);
      return;
    }
    this.connect(client);
  }

  private connect(client: Socket): void {
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => {
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    });
    upstream.on('close', () => client.destroy());
    this.sockets.add(client);
    this.sockets.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }
}
