// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png) with nothing but Node's zlib:
// a rounded square in the desk's teal with three rising bars (a price-ratio glyph).
// Run: node scripts/icons.mjs. The PNGs are committed; this script documents how they were made.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [0x0f, 0x52, 0x5c, 0xff];
const GOLD = [0xe0, 0xb0, 0x4a, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Colour of pixel (x, y) in an s×s icon, computed on a 0..1 grid so every size looks alike. */
function pixel(x, y, s) {
  const u = (x + 0.5) / s;
  const v = (y + 0.5) / s;
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  // three bars rising left to right; the last in gold (the ratio the desk watches)
  const bars = [
    { x0: 0.2, x1: 0.36, top: 0.55, colour: WHITE },
    { x0: 0.42, x1: 0.58, top: 0.38, colour: WHITE },
    { x0: 0.64, x1: 0.8, top: 0.2, colour: GOLD },
  ];
  for (const bar of bars) {
    if (u >= bar.x0 && u < bar.x1 && v >= bar.top && v < 0.8) return bar.colour;
  }
  return TEAL;
}

function png(s) {
  const raw = Buffer.alloc(s * (s * 4 + 1));
  for (let y = 0; y < s; y++) {
    raw[y * (s * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < s; x++) {
      const [r, g, b, a] = pixel(x, y, s);
      const o = y * (s * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
mkdirSync(assets, { recursive: true });
for (const s of SIZES) {
  const file = join(assets, `icon-${s}.png`);
  writeFileSync(file, png(s));
  console.log(`wrote ${file}`);
}
