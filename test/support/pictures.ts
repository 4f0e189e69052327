/**
 * Pictures for the user guide cut from printed PDFs: pdftoppm renders a region of a page (PPM),
 * and regions of several pages or PDFs are stacked into one PNG (white between and around them), with
 * no image library: PPM is raw RGB, and a PNG is that RGB deflated with a filter byte per row.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { PdfWord } from "./libreoffice";

/**
 * Where a test leaves a picture for the guide. Tests never write tracked files: `npm run docs:images`
 * runs the tests that call this and copies what they left into docs/images.
 */
export const DOCS_PICTURES_DIR = resolve(__dirname, "..", "..", "test-output", "docs-images");

/** The path for docs/images/`name`, under DOCS_PICTURES_DIR. */
export function docsPicture(name: string): string {
  mkdirSync(DOCS_PICTURES_DIR, { recursive: true });
  return join(DOCS_PICTURES_DIR, name);
}

interface Rgb {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes, row by row. */
  readonly pixels: Buffer;
}

/** A region of a page of a PDF, in points. */
export interface Region {
  readonly pdf: string;
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The region around some words of a page of `pdf`, with `margin` points on every side. */
export function around(pdf: string, words: readonly PdfWord[], margin = 8): Region {
  const page = words[0].page;
  const x = Math.min(...words.map((w) => w.xMin)) - margin;
  const y = Math.min(...words.map((w) => w.yMin)) - margin;
  return { pdf, page, x, y, width: Math.max(...words.map((w) => w.xMax)) + margin - x, height: Math.max(...words.map((w) => w.yMax)) + margin - y };
}

function renderRegion(region: Region, dpi: number, prefix: string): Rgb {
  const px = (points: number) => Math.floor((points * dpi) / 72);
  const page = String(region.page);
  const crop = [px(region.x), px(region.y), px(region.width), px(region.height)].map(String);
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", page, "-l", page, "-x", crop[0], "-y", crop[1], "-W", crop[2], "-H", crop[3], "-singlefile", region.pdf, prefix]);
  const data = readFileSync(`${prefix}.ppm`);
  // "P6\n<width> <height>\n255\n" then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error(`not a PPM from pdftoppm: ${prefix}.ppm`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: Buffer.from(data.subarray(header[0].length)) };
}

function png(image: Rgb): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, "latin1"), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed) >>> 0);
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method beyond 0, no interlace
  const stride = image.width * 3;
  const rows = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) image.pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * Regions of PDF pages stacked top to bottom, left-aligned, into one PNG file, each rendered `width`
 * pixels wide (a sheet printed small to fit its page is drawn at the size of one printed at 100 %).
 */
export function stackedPng(regions: readonly Region[], width: number, workPrefix: string, output: string): { width: number; height: number } {
  const gap = Math.round(width / 40);
  const images = regions.map((r, i) => renderRegion(r, (width * 72) / r.width, `${workPrefix}-${i}`));
  const widest = Math.max(...images.map((im) => im.width));
  const height = images.reduce((h, im) => h + im.height, 0) + gap * (images.length - 1);
  const pixels = Buffer.alloc(widest * height * 3, 0xff);
  let top = 0;
  for (const im of images) {
    for (let y = 0; y < im.height; y++) im.pixels.copy(pixels, (top + y) * widest * 3, y * im.width * 3, (y + 1) * im.width * 3);
    top += im.height + gap;
  }
  writeFileSync(output, png({ width: widest, height, pixels }));
  return { width: widest, height };
}
