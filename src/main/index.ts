// Electron entry point: wiring only. Each concern lives in its own module under ./glue (Electron)
// or ./core (Electron-free, tested under Node).
import { app } from 'electron'

app.whenReady().then(() => {
  // Filled in by the shell issue: setupVault(), setupMonitor(), setupIpc(), setupTray()…
})
