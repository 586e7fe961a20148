#!/usr/bin/env node
// Draws every icon the app ships with plain code (coverage functions, 4×4 supersampling) and writes
// PNGs (zlib) and Windows ICOs (PNG-in-ICO, built by hand). Run: `node resources/make-icons.mjs`.
// The outputs are committed; re-run only when a design changes.
//
// Tray states differ by SHAPE, not only colour (colour-blind users, monochrome panels, macOS template
// images that are black + alpha only):
//   ok       circle with a check mark         degraded  triangle with an exclamation mark
//   down     square with a cross              auth      padlock
//   paused   circle with two pause bars       demo      rounded square with a "D"
//   unknown  hollow ring with three dots      busy-0..3 open arc, rotated a quarter per frame
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))
const out = (...p) => join(here, 'icons', ...p)

// ---- geometry: each shape is (x, y) → inside? on the unit square ------------------------------
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ring = (cx, cy, r1, r2) => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2
  return d <= r2 * r2 && d >= r1 * r1
}
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const polygon = (pts) => (x, y) => {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
function segDist(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy))
}
const stroke = (pts, w) => (x, y) => {
  for (let i = 1; i < pts.length; i++) if (segDist(x, y, pts[i - 1], pts[i]) <= w / 2) return true
  return false
}
const arc = (cx, cy, r, w, from, to) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy)
  if (Math.abs(d - r) > w / 2) return false
  let a = Math.atan2(y - cy, x - cx) - from
  a = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)
  return a <= to - from
}
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y))
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y)

// ---- designs: { badge, glyph, color } (glyph is cut out of the badge in template images) ---------
const C = {
  ok: [46, 158, 79],
  degraded: [224, 160, 0],
  down: [208, 58, 47],
  auth: [142, 68, 173],
  paused: [110, 122, 128],
  demo: [47, 127, 208],
  unknown: [110, 122, 128],
  busy: [47, 127, 208]
}
const designs = {
  ok: {
    color: C.ok,
    badge: circle(0.5, 0.5, 0.47),
    glyph: stroke(
      [
        [0.27, 0.52],
        [0.43, 0.68],
        [0.74, 0.35]
      ],
      0.13
    )
  },
  degraded: {
    color: C.degraded,
    badge: polygon([
      [0.5, 0.04],
      [0.98, 0.93],
      [0.02, 0.93]
    ]),
    glyph: union(
      stroke(
        [
          [0.5, 0.34],
          [0.5, 0.62]
        ],
        0.12
      ),
      circle(0.5, 0.78, 0.07)
    ),
    dark: true
  },
  down: {
    color: C.down,
    badge: roundRect(0.05, 0.05, 0.95, 0.95, 0.08),
    glyph: union(
      stroke(
        [
          [0.3, 0.3],
          [0.7, 0.7]
        ],
        0.14
      ),
      stroke(
        [
          [0.7, 0.3],
          [0.3, 0.7]
        ],
        0.14
      )
    )
  },
  auth: {
    color: C.auth,
    badge: union(
      roundRect(0.14, 0.43, 0.86, 0.97, 0.08),
      arc(0.5, 0.4, 0.23, 0.12, Math.PI, 2 * Math.PI),
      rect(0.21, 0.4, 0.33, 0.5),
      rect(0.67, 0.4, 0.79, 0.5)
    ),
    glyph: union(circle(0.5, 0.63, 0.08), rect(0.46, 0.63, 0.54, 0.83))
  },
  paused: { color: C.paused, badge: circle(0.5, 0.5, 0.47), glyph: union(rect(0.33, 0.28, 0.44, 0.72), rect(0.56, 0.28, 0.67, 0.72)) },
  demo: {
    color: C.demo,
    badge: roundRect(0.04, 0.04, 0.96, 0.96, 0.22),
    glyph: union(
      rect(0.3, 0.24, 0.42, 0.76),
      minus(union(rect(0.3, 0.24, 0.5, 0.76), circle(0.5, 0.5, 0.26)), union(rect(0.42, 0.36, 0.5, 0.64), circle(0.5, 0.5, 0.14), rect(0, 0, 0.3, 1)))
    )
  },
  unknown: {
    color: C.unknown,
    badge: ring(0.5, 0.5, 0.36, 0.47),
    glyph: union(circle(0.32, 0.5, 0.06), circle(0.5, 0.5, 0.06), circle(0.68, 0.5, 0.06)),
    glyphOwnColor: true
  }
}
for (let f = 0; f < 4; f++) {
  const start = (f * Math.PI) / 2 - Math.PI / 2
  designs[`busy-${f}`] = { color: C.busy, badge: union(arc(0.5, 0.5, 0.36, 0.16, start, start + 1.5 * Math.PI), circle(0.5, 0.5, 0.09)), glyph: () => false }
}

// ---- rasterizing -------------------------------------------------------------------------------
const SS = 4
function coverage(f, size, x, y) {
  let n = 0
  for (let i = 0; i < SS; i++) for (let j = 0; j < SS; j++) if (f((x + (i + 0.5) / SS) / size, (y + (j + 0.5) / SS) / size)) n++
  return n / (SS * SS)
}

/** RGBA pixels. mode 'color': badge in colour, glyph white (or dark); 'template': black badge, glyph cut out. */
function render(d, size, mode) {
  const px = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const b = coverage(d.badge, size, x, y)
      const g = coverage(d.glyph, size, x, y)
      const o = (y * size + x) * 4
      if (mode === 'template') {
        const a = d.glyphOwnColor ? Math.max(b, g) : b * (1 - g)
        px.set([0, 0, 0, Math.round(a * 255)], o)
        continue
      }
      const glyphColor = d.glyphOwnColor ? d.color : d.dark ? [20, 20, 20] : [255, 255, 255]
      const a = d.glyphOwnColor ? Math.max(b, g) : b
      const mix = d.glyphOwnColor ? 0 : g
      const rgb = d.color.map((c, i) => Math.round(c * (1 - mix) + glyphColor[i] * mix))
      px.set([...rgb, Math.round(a * 255)], o)
    }
  }
  return px
}

// ---- PNG and ICO containers --------------------------------------------------------------------
const CRC = new Int32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c
})
function crc32(buf) {
  let c = -1
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
export function png(rgba, w, h) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((w * 4 + 1) * h)
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}
export function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length)
  head.writeUInt16LE(0, 0)
  head.writeUInt16LE(1, 2) // type: icon
  head.writeUInt16LE(images.length, 4)
  let offset = head.length
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i
    head.writeUInt8(size >= 256 ? 0 : size, e)
    head.writeUInt8(size >= 256 ? 0 : size, e + 1)
    head.writeUInt16LE(1, e + 4) // colour planes
    head.writeUInt16LE(32, e + 6) // bits per pixel
    head.writeUInt32LE(data.length, e + 8)
    head.writeUInt32LE(offset, e + 12)
    offset += data.length
  })
  return Buffer.concat([head, ...images.map((i) => i.data)])
}

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, data)
}

// ---- outputs -----------------------------------------------------------------------------------
for (const [name, d] of Object.entries(designs)) {
  for (const [size, suffix] of [
    [22, ''],
    [44, '@2x']
  ])
    write(out('tray', 'linux', `${name}${suffix}.png`), png(render(d, size, 'color'), size, size))
  for (const [size, suffix] of [
    [16, ''],
    [32, '@2x']
  ])
    write(out('tray', 'mac', `${name}Template${suffix}.png`), png(render(d, size, 'template'), size, size))
  write(out('tray', 'win', `${name}.ico`), ico([16, 24, 32].map((size) => ({ size, data: png(render(d, size, 'color'), size, size) }))))
}

// App icon: a dark rounded tile with three server units, the middle one lit green.
const appIcon = (x, y) => {
  const tile = roundRect(0.06, 0.06, 0.94, 0.94, 0.2)(x, y)
  if (!tile) return null
  for (const [i, y0] of [0.24, 0.43, 0.62].entries()) {
    if (roundRect(0.2, y0, 0.8, y0 + 0.14, 0.04)(x, y))
      return circle(0.7, y0 + 0.07, 0.035)(x, y) ? (i === 1 ? [46, 200, 90] : [120, 200, 140]) : [214, 220, 228]
  }
  return [30, 48, 72]
}
function renderApp(size) {
  const px = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0]
      let a = 0
      for (let i = 0; i < SS; i++) {
        for (let j = 0; j < SS; j++) {
          const c = appIcon((x + (i + 0.5) / SS) / size, (y + (j + 0.5) / SS) / size)
          if (c) {
            a++
            c.forEach((v, k) => (acc[k] += v))
          }
        }
      }
      px.set(a ? [...acc.map((v) => Math.round(v / a)), Math.round((a / (SS * SS)) * 255)] : [0, 0, 0, 0], (y * size + x) * 4)
    }
  }
  return px
}
write(out('app', 'icon.png'), png(renderApp(512), 512, 512))
write(out('app', 'icon.ico'), ico([16, 32, 48, 256].map((size) => ({ size, data: png(renderApp(size), size, size) }))))
console.log(`icons written to ${out()}`)
