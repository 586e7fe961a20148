import { pathToFileURL } from 'node:url'

import { describe, expect, it } from 'vitest'

import { checkSender, isAppRendererUrl, type SenderPolicy } from '../../../../src/main/core/security/sender-policy'
import { isAllowedWebUiUrl, webUiUrl } from '../../../../src/main/core/security/web-ui-url'

const packaged: SenderPolicy = { rendererFileUrl: pathToFileURL('/opt/PVE Tray/resources/app.asar/out/renderer/index.html').href, devServerUrl: null }
const dev: SenderPolicy = { rendererFileUrl: null, devServerUrl: 'http://localhost:5173/' }
const ok = { isMainFrame: true, isDashboard: true }

describe('IPC sender policy', () => {
  it('accepts the app renderer (with a route) from the dashboard main frame', () => {
    expect(checkSender({ ...ok, frameUrl: `${packaged.rendererFileUrl}#/guests` }, packaged)).toEqual({ ok: true })
    expect(checkSender({ ...ok, frameUrl: 'http://localhost:5173/?x=1' }, dev)).toEqual({ ok: true })
  })

  it.each([
    ['another local file', 'file:///etc/passwd'],
    ['a sibling file', 'file:///opt/PVE%20Tray/resources/app.asar/out/renderer/evil.html'],
    ['a traversal that normalises elsewhere', 'file:///opt/PVE%20Tray/resources/app.asar/out/renderer/../../x/index.html'],
    ['a remote page', 'https://evil.example/index.html'],
    ['a file on another host (UNC)', 'file://evil/opt/PVE%20Tray/resources/app.asar/out/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url']
  ])('refuses %s', (_what, url) => {
    expect(checkSender({ ...ok, frameUrl: url }, packaged).ok).toBe(false)
  })

  it('refuses the dev server origin in a packaged app, other ports, and non-loopback dev servers', () => {
    expect(isAppRendererUrl('http://localhost:5173/', packaged)).toBe(false)
    expect(isAppRendererUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppRendererUrl('http://evil.example:5173/', { rendererFileUrl: null, devServerUrl: 'http://evil.example:5173/' })).toBe(false)
  })

  it('refuses other windows, sub-frames and vanished frames, saying why', () => {
    const url = packaged.rendererFileUrl ?? ''
    expect(checkSender({ frameUrl: url, isMainFrame: true, isDashboard: false }, packaged)).toEqual({ ok: false, reason: 'sender is not the dashboard window' })
    expect(checkSender({ frameUrl: url, isMainFrame: false, isDashboard: true }, packaged)).toEqual({ ok: false, reason: 'sender is a sub-frame' })
    expect(checkSender({ frameUrl: null, isMainFrame: true, isDashboard: true }, packaged)).toEqual({ ok: false, reason: 'sender frame is gone' })
  })
})

describe('web UI URL guard', () => {
  const endpoints = [
    { host: 'pve.example', port: 8006 },
    { host: 'fd00::1', port: 8006 }
  ]

  it('builds the web UI root of an endpoint', () => {
    expect(webUiUrl(endpoints[0]!)).toBe('https://pve.example:8006/')
    expect(webUiUrl(endpoints[1]!)).toBe('https://[fd00::1]:8006/')
  })

  it('allows exactly those URLs and nothing else', () => {
    expect(isAllowedWebUiUrl('https://pve.example:8006/', endpoints)).toBe(true)
    expect(isAllowedWebUiUrl('https://[fd00::1]:8006/', endpoints)).toBe(true)
    for (const bad of [
      'http://pve.example:8006/',
      'https://pve.example:8007/',
      'https://pve.example:8006/#v1:0:=qemu%2F100',
      'https://pve.example:8006/api2/json/access/ticket',
      'https://user:pw@pve.example:8006/',
      'https://pve.example.evil.com:8006/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url'
    ]) {
      expect(isAllowedWebUiUrl(bad, endpoints), bad).toBe(false)
    }
  })
})
