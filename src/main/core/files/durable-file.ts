// Durable files for the settings and the secret vault: an atomic write (a crash never leaves half a
// document) and a free name to set a damaged file aside under (it is kept, never overwritten).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Write, fsync, rename, fsync the folder: after a crash or power loss the file is either the previous
 * complete document or the new one, never a mix or an empty file.
 */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  const fd = openSync(tmp, 'w', 0o600)
  try {
    // writeSync may write less than asked: loop until every byte is down.
    const bytes = Buffer.from(text, 'utf8')
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  // The rename itself is durable only once the folder is synced (not possible on Windows: skipped there).
  if (process.platform !== 'win32') {
    const dir = openSync(dirname(path), 'r')
    try {
      fsyncSync(dir)
    } finally {
      closeSync(dir)
    }
  }
}

/** A free `<path>.<label>-<time>` name: two files set aside in the same millisecond never overwrite each other. */
export function asidePath(path: string, label: string, now: number = Date.now()): string {
  const base = `${path}.${label}-${new Date(now).toISOString().replace(/[:.]/g, '-')}`
  let target = base
  for (let i = 1; existsSync(target); i++) target = `${base}-${i}`
  return target
}
