// "Start at login" on Linux: an XDG autostart entry (~/.config/autostart/<id>.desktop). macOS and
// Windows use Electron's login items instead. Pure: the glue writes or removes the file.

export const AUTOSTART_FILE_NAME = 'io.github.pvetray.app.desktop'

export interface AutostartEntryInput {
  /** The program to run: $APPIMAGE for an AppImage (its mount path changes every run), else the executable. */
  readonly executable: string
  readonly args?: readonly string[]
  readonly name?: string
  readonly comment?: string
  readonly icon?: string
}

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when unset or not absolute (per the XDG spec). */
export function autostartDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env['XDG_CONFIG_HOME']
  const base = xdg && xdg.startsWith('/') ? xdg.replace(/\/+$/, '') : `${home.replace(/\/+$/, '')}/.config`
  return `${base}/autostart`
}

// Characters that force an Exec argument into double quotes (Desktop Entry spec, "The Exec key").
const RESERVED = /[\s"'\\><~|&;$*?#()`]/

/** One Exec argument: quoted when needed, with `"`, `` ` ``, `$`, `\` escaped inside quotes; `%` doubled (field codes). */
export function quoteExecArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new Error('autostart: a program path or argument contains a line break')
  const percent = arg.replace(/%/g, '%%')
  if (percent !== '' && !RESERVED.test(percent)) return percent
  return `"${percent.replace(/(["`$\\])/g, '\\$1')}"`
}

/** Escapes a value for a desktop-entry string key: backslash escapes, and no line breaks. */
function stringValue(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\t/g, '\\t')
}

export function autostartDesktopEntry(input: AutostartEntryInput): string {
  const exec = [input.executable, ...(input.args ?? [])].map(quoteExecArg).join(' ')
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${stringValue(input.name ?? 'PVE Tray')}`,
    `Comment=${stringValue(input.comment ?? 'Watches your Proxmox VE clusters from the system tray')}`,
    // The Exec value is itself a string value: the spec unescapes it before splitting arguments.
    `Exec=${stringValue(exec)}`,
    ...(input.icon ? [`Icon=${stringValue(input.icon)}`] : []),
    'Terminal=false',
    'Categories=System;Monitor;',
    'X-GNOME-Autostart-enabled=true',
    'Hidden=false'
  ]
  return lines.join('\n') + '\n'
}
