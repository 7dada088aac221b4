import * as vscode from 'vscode';
import { ConvolveJob, ConvolveJobResult, Solved, SpecJob } from '../../convolve';
import { PictureJob } from '../../picture/matricesPicture';
import type { ConvView } from '../../protocol/messages';
import { ClipboardJob, WorkerMessage } from './workerMessage';
import { WorkerLane } from './workerLane';

/**
 * Runs convolve jobs off the extension host's thread, so a large selection never blocks it. Computations and a
 * panel's exports (copy, save image) go to two workers: a copy of the result on screen does not wait for the next
 * computation, which may take seconds, nor a computation for a large picture. The computing worker is started by
 * `warmUp` or else by the first job; the exporting one by the first export.
 */
export class ConvolveClient implements vscode.Disposable {
  private readonly computing: WorkerLane;
  private readonly exporting: WorkerLane;

  constructor(extensionPath: string) {
    this.computing = new WorkerLane(extensionPath);
    this.exporting = new WorkerLane(extensionPath);
  }

  run(job: ConvolveJob, token: vscode.CancellationToken): Promise<ConvolveJobResult | 'cancelled'> {
    return this.computing.run({ kind: 'text', job }, token) as Promise<ConvolveJobResult | 'cancelled'>;
  }

  /** A spec given as a value, computed like a selection's. */
  runSpec(job: SpecJob, token: vscode.CancellationToken): Promise<Solved | 'cancelled'> {
    return this.computing.run({ kind: 'spec', job }, token) as Promise<Solved | 'cancelled'>;
  }

  /** The SVG of a view's matrices (seconds of string building for a large view), drawn on the worker. */
  picture(job: PictureJob): Promise<string | 'cancelled'> {
    return this.export({ kind: 'picture', job: { ...job, view: withoutSpec(job.view) } });
  }

  /** A copy button's text, whose results and numbers are computed and written out on the worker. */
  clipboard(job: ClipboardJob): Promise<string | 'cancelled'> {
    return this.export({ kind: 'clipboard', job: { ...job, view: withoutSpec(job.view) } });
  }

  private export(work: WorkerMessage): Promise<string | 'cancelled'> {
    const { token } = new vscode.CancellationTokenSource();
    return this.exporting.run(work, token) as Promise<string | 'cancelled'>;
  }

  /** Starts the computing worker ahead of the first job, which then finds its engine compiled. */
  warmUp(): void {
    this.computing.start();
  }

  dispose(): void {
    this.computing.dispose();
    this.exporting.dispose();
  }
}

/** Neither a picture nor a copy reads the spec; leaving it out spares copying it to the worker. */
const withoutSpec = (view: ConvView): ConvView => ({ ...view, spec: undefined });
