#!/usr/bin/env node
// Draws the tab-bar icons as small PNGs with no image library, so the repo needs no binary
// tool to regenerate them: `node scripts/gen-tab-icons.js`. Each icon is 81×81 (WeChat's
// recommended size), supersampled 4× for smooth edges, and stays well under WeChat's 40 KB limit.
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const SIZE = 81
const SS = 4
const COLORS = { normal: [0x99, 0x99, 0x99], active: [0x12, 0xa1, 0x82] }
const OUT_DIR = path.join(__dirname, '..', 'src', 'assets', 'tab-bar')

// Shapes are described in a 0..1 unit square; `inside(x, y)` says whether a point is inked.
const dist = (ax, ay, bx, by) => Math.hypot(ax - bx, ay - by)
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return dist(px, py, ax + t * dx, ay + t * dy)
}
const stroke = (pts, w) => (x, y) => {
  for (let i = 0; i < pts.length - 1; i++) {
    if (segDist(x, y, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]) <= w / 2) return true
  }
  return false
}
const union = (...fs) => (x, y) => fs.some((f) => f(x, y))
const W = 0.075

const SHAPES = {
  // A house: roof and walls as one outline, with a door.
  home: union(
    stroke([[0.12, 0.48], [0.5, 0.14], [0.88, 0.48]], W),
    stroke([[0.22, 0.4], [0.22, 0.86], [0.78, 0.86], [0.78, 0.4]], W),
    stroke([[0.42, 0.86], [0.42, 0.62], [0.58, 0.62], [0.58, 0.86]], W),
  ),
  // A sheet with lines of text: the order list.
  orders: union(
    stroke([[0.2, 0.12], [0.8, 0.12], [0.8, 0.88], [0.2, 0.88], [0.2, 0.12]], W),
    stroke([[0.34, 0.34], [0.66, 0.34]], W),
    stroke([[0.34, 0.5], [0.66, 0.5]], W),
    stroke([[0.34, 0.66], [0.54, 0.66]], W),
  ),
  // A person: head ring and shoulders arc.
  mine: union(
    (x, y) => Math.abs(dist(x, y, 0.5, 0.34) - 0.17) <= W / 2,
    (x, y) => y <= 0.86 && y >= 0.6 && Math.abs(dist(x, y, 0.5, 0.92) - 0.32) <= W / 2,
    stroke([[0.18, 0.86], [0.82, 0.86]], W),
  ),
}

function crc32(buf) {
  let c
  let crc = 0xffffffff
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(shape, [r, g, b]) {
  const rows = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (shape((x + (sx + 0.5) / SS) / SIZE, (y + (sy + 0.5) / SS) / SIZE)) hits++
        }
      }
      row.writeUInt8(r, 1 + x * 4)
      row.writeUInt8(g, 2 + x * 4)
      row.writeUInt8(b, 3 + x * 4)
      row.writeUInt8(Math.round((255 * hits) / (SS * SS)), 4 + x * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.writeUInt8(8, 8) // bit depth
  ihdr.writeUInt8(6, 9) // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

fs.mkdirSync(OUT_DIR, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(OUT_DIR, `${name}${state === 'active' ? '-active' : ''}.png`)
    const data = png(shape, color)
    fs.writeFileSync(file, data)
    console.log(`${path.relative(process.cwd(), file)} ${data.length} B`)
  }
}
