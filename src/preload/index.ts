// Preload: exposes the typed PVE Tray API to the renderer through contextBridge.
export {}
