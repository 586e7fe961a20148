// Which generated icon file (resources/icons, see make-icons.mjs) shows a tray state on a platform.
// macOS gets template images (black + alpha; the menu bar tints them for light/dark), Windows ICOs,
// Linux colour PNGs (Electron picks the @2x sibling on HiDPI by itself).
import { busyFrameCount, type TrayIconState } from './tray-status'

export type IconName = TrayIconState | `busy-${number}`

export function busyFrame(tick: number): IconName {
  return `busy-${((tick % busyFrameCount) + busyFrameCount) % busyFrameCount}`
}

/** Path relative to the icons root, with '/' separators. */
export function trayIconFile(name: IconName, platform: string): string {
  if (platform === 'darwin') return `tray/mac/${name}Template.png`
  if (platform === 'win32') return `tray/win/${name}.ico`
  return `tray/linux/${name}.png`
}

export function appIconFile(platform: string): string {
  return platform === 'win32' ? 'app/icon.ico' : 'app/icon.png'
}
