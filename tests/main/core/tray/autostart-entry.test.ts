import { describe, expect, it } from 'vitest'

import { autostartDesktopEntry, autostartDir, quoteExecArg } from '../../../../src/main/core/tray/autostart-entry'

/** Parses an Exec value as a desktop environment would (string unescape, then quoted-argument split). */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, (_, c: string) => (c === 's' ? ' ' : c === 't' ? '\t' : c === 'n' ? '\n' : c))
  const args: string[] = []
  let cur = ''
  let quoted = false
  let started = false
  for (let i = 0; i < unescaped.length; i++) {
    const ch = unescaped[i] as string
    if (quoted) {
      if (ch === '\\') cur += unescaped[++i] ?? ''
      else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') {
      quoted = true
      started = true
    } else if (ch === ' ') {
      if (started) args.push(cur)
      cur = ''
      started = false
    } else {
      cur += ch
      started = true
    }
  }
  if (started) args.push(cur)
  return args.map((a) => a.replace(/%%/g, '%'))
}

describe('autostart desktop entry', () => {
  it('writes a valid entry for a plain path', () => {
    const text = autostartDesktopEntry({ executable: '/opt/PVE Tray/pve-tray', args: ['--hidden'] })
    expect(text).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=PVE Tray',
        'Comment=Watches your Proxmox VE clusters from the system tray',
        'Exec="/opt/PVE Tray/pve-tray" --hidden',
        'Terminal=false',
        'Categories=System;Monitor;',
        'X-GNOME-Autostart-enabled=true',
        'Hidden=false',
        ''
      ].join('\n')
    )
  })

  it('round-trips awkward paths through the Exec quoting rules', () => {
    const paths = ['/home/a b/Apps/PVE-Tray.AppImage', '/tmp/100%/x', '/tmp/$HOME/"q"/`x`', '/tmp/back\\slash']
    for (const p of paths) {
      const text = autostartDesktopEntry({ executable: p })
      const exec =
        text
          .split('\n')
          .find((l) => l.startsWith('Exec='))
          ?.slice(5) ?? ''
      expect(parseExec(exec)).toEqual([p])
    }
    expect(quoteExecArg('/usr/bin/pve-tray')).toBe('/usr/bin/pve-tray')
  })

  it('refuses line breaks that would inject keys', () => {
    expect(() => autostartDesktopEntry({ executable: '/x\nExec=/bin/evil' })).toThrow(/line break/)
    expect(autostartDesktopEntry({ executable: '/x', name: 'a\nExec=/bin/evil' })).not.toMatch(/^Exec=\/bin\/evil/m)
  })

  it('lives in $XDG_CONFIG_HOME/autostart or ~/.config/autostart', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg/' }, '/home/u')).toBe('/cfg/autostart')
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/autostart')
    expect(autostartDir({}, '/home/u/')).toBe('/home/u/.config/autostart')
  })
})
