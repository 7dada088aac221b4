/** The convolve layer's public face: document pieces or a spec value in, a view or a refusal out. Pure: no vscode. */
export { convolveContent, Convolved, ConvolveOptions, convolveSpec, Solved } from './convolve';
export { buildConvView, ComputedView, titledView } from './convView';
export { Piece, ReadContent, readPieces, readSelectionWithin } from './readPieces';
export { ConvolveError, LIMIT_SETTINGS, limitRefusal, Refusal, selectionTooLong } from './refusal';
export { admit, solve, Solution } from './solve';
export { transferables } from './transferables';
export {
  ConvolveJob,
  ConvolveJobResult,
  runConvolveJob,
  runSpecJob,
  runWorkerJob,
  SpecJob,
  WorkerJob,
} from './workerJob';
