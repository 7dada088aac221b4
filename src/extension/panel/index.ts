/** The ConvLens webview panel: what the extension's commands and tests use. */
export { ConvLensPanel, PanelHandlers, Recompute, ShowOptions } from './ConvLensPanel';
export { registerConvLensPanelSerializer } from './serializer';
