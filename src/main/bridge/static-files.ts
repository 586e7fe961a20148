// Serves the built renderer (out/renderer) with the bridge shim injected before the app's script.
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json'
}

export interface StaticFile {
  readonly body: Buffer | string
  readonly type: string
}

/** index.html with `<script src="/bridge-shim.js">` before the first script (classic scripts run before modules). */
function injectShim(html: string): string {
  const tag = '<script src="/bridge-shim.js"></script>'
  const at = html.indexOf('<script')
  return at < 0 ? html.replace('</body>', `${tag}</body>`) : `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`
}

export async function readStatic(rendererDir: string, pathname: string): Promise<StaticFile | null> {
  const root = resolve(rendererDir)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = resolve(join(root, rel))
  // No way out of the renderer directory (../, encoded or not).
  if (full !== root && !full.startsWith(root + sep)) return null
  try {
    const body = await readFile(full)
    const type = TYPES[extname(full)] ?? 'application/octet-stream'
    if (rel === 'index.html') return { body: injectShim(body.toString('utf8')), type }
    return { body, type }
  } catch {
    return null
  }
}
