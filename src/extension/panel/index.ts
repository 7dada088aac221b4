/** The ConvLens webview panel: what the extension's commands and tests use. */
export { ConvLensPanel, Recompute, ShowOptions } from './ConvLensPanel';
export { PanelHandlers } from './panelHandlers';
export { registerConvLensPanelSerializer } from './serializer';
