// Turns an argv array into one POSIX shell line. sshd hands the command to the login shell (`$SHELL -c`), so
// every argument is single-quoted: inside '…' nothing is special except the quote itself, which is closed,
// escaped and reopened ('\''). Untrusted strings (guest names, user text) are safe as arguments this way.
// What quoting cannot fix is meaning: a leading "-" is still read as an option by the program, so callers
// put "--" before untrusted operands where the program supports it.
import { SshError } from './ssh-errors'

export function quoteArg(arg: string): string {
  if (typeof arg !== 'string') throw new SshError('invalid-argument', 'A command argument must be a string.')
  // A C argv cannot hold NUL: the remote would silently cut the argument there.
  if (arg.includes('\0')) throw new SshError('invalid-argument', 'A command argument contains a NUL character, which a remote command cannot receive.')
  // Lone UTF-16 surrogates would be replaced by U+FFFD on the wire, so the remote would see another string.
  if (/[\uD800-\uDFFF]/u.test(arg)) throw new SshError('invalid-argument', 'A command argument contains invalid Unicode (a lone surrogate).')
  if (arg !== '' && /^[A-Za-z0-9_\-+:,./@%]+$/.test(arg)) return arg
  return `'${arg.replaceAll("'", `'\\''`)}'`
}

export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new SshError('invalid-argument', 'A remote command needs at least the program name.')
  return argv.map(quoteArg).join(' ')
}
