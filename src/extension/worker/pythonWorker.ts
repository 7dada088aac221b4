/**
 * The worker thread that reads Python: it keeps each program's tree-sitter tree and reads every new version of its
 * text incrementally, so the parser's cold start (compiling WebAssembly, the first parse and read of a big file: one
 * to two seconds) and every later parse run off the extension host's thread. Readings go back as plain data.
 */
import { parentPort } from 'worker_threads';
import { PythonDocuments, pythonParser } from '../../python';
import type { PythonReply, PythonRequest } from './pythonMessage';

let documents: Promise<PythonDocuments> | undefined;
const opened = (): Promise<PythonDocuments> => (documents ??= pythonParser().then((p) => new PythonDocuments(p)));

// Messages are handled in the order they come: each waits for the parser, then reads synchronously.
parentPort?.on('message', (request: PythonRequest) => void handle(request));

async function handle(request: PythonRequest): Promise<void> {
  if (request.kind === 'forget') return void documents?.then((d) => d.forget(request.uri));
  let reply: PythonReply;
  try {
    reply = { id: request.id, reading: (await opened()).read(request.uri, request.version, request.text) };
  } catch (error) {
    // The parser failed to load (tried again next time) or to read: start afresh from the next request.
    void documents?.then(
      (d) => d.dispose(),
      () => undefined,
    );
    documents = undefined;
    reply = { id: request.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
}

// The parser loads while the thread waits for its first request (the host starts it when Python is opened).
void opened().catch(() => (documents = undefined));
