// Starts VS Code's server (server-main.js) under Node 24 and stops it, with every child, by process group.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { onCleanup } from './cleanup';
import { HostInstall } from './paths';

export interface RunningServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `dataDir` gets fresh user-data, server-data and extensions dirs plus server.log. */
export async function startServer(host: HostInstall, dataDir: string, port?: number): Promise<RunningServer> {
  port ??= await freePort();
  const dirs = ['user-data', 'server-data', 'extensions'].map((name) => path.join(dataDir, name));
  dirs.forEach((dir) => fs.mkdirSync(dir, { recursive: true }));
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  // --enable-smoke-test-driver makes the workbench honour the `payload` URL parameter.
  const args = [
    host.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--enable-smoke-test-driver',
    '--user-data-dir',
    dirs[0],
    '--server-data-dir',
    dirs[1],
    '--extensions-dir',
    dirs[2],
  ];
  // detached: its own process group, so one kill reaches the extension host and pty host too.
  const child = spawn(host.node, args, { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort if the harness dies without running its async cleanup.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    killGroup('SIGTERM');
    const forced = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
    killGroup('SIGKILL'); // children that outlived the leader
    process.off('exit', onExit);
  };
  onCleanup(stop);

  await waitForPort(port, 30_000, exited);
  return { port, origin: `http://127.0.0.1:${port}`, stop };
}

async function waitForPort(port: number, timeoutMs: number, exited: Promise<void>): Promise<void> {
  let serverExited = false;
  void exited.then(() => (serverExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (serverExited) throw new Error('VS Code server exited before listening (see server.log)');
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`VS Code server not listening on ${port} after ${timeoutMs} ms (see server.log)`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
