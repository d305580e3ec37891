// Writes public/favicon.ico from the same shapes as public/icon.svg: the product's blue square with a
// page of a regulation on it. Browsers that take SVG icons use icon.svg; /favicon.ico is what the rest
// (and every crawler and bookmark tool) ask for. `npx tsx scripts/favicon.ts` after changing the icon.
// The ICO holds one 32×32 32-bit bitmap: no image library needed.
import { writeFileSync } from "node:fs";
import path from "node:path";

const SIZE = 32;
const BRAND = [0x1e, 0x40, 0xaf]; // --color-brand-700
const WHITE = [0xff, 0xff, 0xff];

/** The colour of a pixel (RGBA), as icon.svg draws it. */
export function pixel(x: number, y: number): [number, number, number, number] {
  // The rounded square (radius 6): outside its corners is transparent.
  const r = 6;
  const cx = x < r ? r : x >= SIZE - r ? SIZE - r - 1 : x;
  const cy = y < r ? r : y >= SIZE - r ? SIZE - r - 1 : y;
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const inRect = (x0: number, y0: number, x1: number, y1: number) => x >= x0 && x < x1 && y >= y0 && y < y1;
  // Three lines of text on the page, the last one shorter.
  if (inRect(11, 11, 21, 13) || inRect(11, 15, 21, 17) || inRect(11, 19, 17, 21))
    return [...BRAND, 255] as [number, number, number, number];
  if (inRect(8, 5, 24, 27)) return [...WHITE, 255] as [number, number, number, number];
  return [...BRAND, 255] as [number, number, number, number];
}

export function favicon(): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  // Rows bottom-up, BGRA.
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const [r, g, b, a] = pixel(x, SIZE - 1 - y);
      pixels.set([b, g, r, a], (y * SIZE + x) * 4);
    }
  }
  const mask = Buffer.alloc(SIZE * 4); // AND mask, 1 bit per pixel, rows padded to 4 bytes: all opaque (alpha decides)
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(SIZE, 4);
  info.writeInt32LE(SIZE * 2, 8); // XOR bitmap and AND mask together
  info.writeUInt16LE(1, 12); // planes
  info.writeUInt16LE(32, 14); // bits per pixel
  info.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([info, pixels, mask]);
  header.writeUInt8(SIZE, 6); // width
  header.writeUInt8(SIZE, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18); // offset of the image
  return Buffer.concat([header, image]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = path.resolve(import.meta.dirname, "..", "public", "favicon.ico");
  writeFileSync(target, favicon());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
