// Reads the command line an SSH client sends back into an argv. The app sends every command through
// remoteCommandLine (ssh/remote-exec.ts): a fixed wrapper around single-quoted words (ssh/quote-args.ts).
// The simulated host is no shell: it understands plain words, '…' quoting and \x escapes, and refuses
// anything else (pipes, variables, redirections) instead of pretending to run it.
import { REMOTE_LINE_HEAD as WRAP_HEAD, REMOTE_LINE_TAIL as WRAP_TAIL } from '../../ssh/remote-exec'

export type ParsedLine = { ok: true; argv: string[] } | { ok: false; reason: string }

/** Splits POSIX shell words made of plain characters, single-quoted parts and backslash escapes. */
function splitWords(line: string): ParsedLine {
  const argv: string[] = []
  let word: string | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (c === ' ' || c === '\t') {
      if (word !== null) argv.push(word)
      word = null
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return { ok: false, reason: "unexpected EOF while looking for matching `''" }
      word = (word ?? '') + line.slice(i + 1, end)
      i = end
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { ok: false, reason: 'trailing backslash' }
      word = (word ?? '') + line[i + 1]
      i++
    } else if (/[A-Za-z0-9_\-+:,./@%=]/.test(c)) {
      word = (word ?? '') + c
    } else {
      return { ok: false, reason: `the simulated shell does not support '${c}'` }
    }
  }
  if (word !== null) argv.push(word)
  return argv.length > 0 ? { ok: true, argv } : { ok: false, reason: 'empty command' }
}

export function parseCommandLine(command: string): ParsedLine {
  const inner = command.startsWith(WRAP_HEAD) && command.endsWith(WRAP_TAIL) ? command.slice(WRAP_HEAD.length, command.length - WRAP_TAIL.length) : command
  return splitWords(inner)
}
