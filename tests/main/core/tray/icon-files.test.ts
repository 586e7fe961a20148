import { describe, expect, it } from 'vitest'

import { appIconFile, busyFrame, trayIconFile } from '../../../../src/main/core/tray/icon-files'

describe('tray icon files', () => {
  it('uses template images on macOS, ICO on Windows, PNG on Linux', () => {
    expect(trayIconFile('degraded', 'darwin')).toBe('tray/mac/degradedTemplate.png')
    expect(trayIconFile('degraded', 'win32')).toBe('tray/win/degraded.ico')
    expect(trayIconFile('degraded', 'linux')).toBe('tray/linux/degraded.png')
    expect(appIconFile('win32')).toBe('app/icon.ico')
  })

  it('cycles the busy frames', () => {
    expect([0, 1, 2, 3, 4, 5].map(busyFrame)).toEqual(['busy-0', 'busy-1', 'busy-2', 'busy-3', 'busy-0', 'busy-1'])
  })
})
