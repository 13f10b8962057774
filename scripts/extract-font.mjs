// Extracts the CJK font the server embeds in commitment letters (承诺书 PDF): Noto Sans CJK SC, subset to GB2312 +
// ASCII + CJK punctuation, written to data/fonts/. Run once by a maintainer; the result is committed so a fresh
// machine needs no system fonts. Usage:
//   node scripts/extract-font.mjs [path/to/NotoSansCJK-Regular.ttc]
// Default source: Debian's fonts-noto-cjk (/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc), SIL OFL 1.1.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import * as fontkit from 'fontkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const wantedFamily = 'Noto Sans CJK SC';
const outDir = path.join(root, 'data/fonts');
const outFont = path.join(outDir, 'NotoSansSC-Regular-GB2312.otf');
const outChars = path.join(outDir, 'NotoSansSC-Regular-GB2312.chars.txt');

/** Table records of the sfnt starting at `offset`. */
function tablesAt(buf, offset) {
  const numTables = buf.readUInt16BE(offset + 4);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const r = offset + 12 + i * 16;
    tables.push({
      tag: buf.toString('latin1', r, r + 4),
      checksum: buf.readUInt32BE(r + 4),
      offset: buf.readUInt32BE(r + 8),
      length: buf.readUInt32BE(r + 12),
    });
  }
  return { sfntVersion: buf.readUInt32BE(offset), tables };
}

/** Family names (name ID 1, Windows Unicode) of the font whose tables are given. */
function familyNames(buf, tables) {
  const name = tables.find((t) => t.tag === 'name');
  if (!name) return [];
  const count = buf.readUInt16BE(name.offset + 2);
  const strings = name.offset + buf.readUInt16BE(name.offset + 4);
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = name.offset + 6 + i * 12;
    const platform = buf.readUInt16BE(r);
    const nameId = buf.readUInt16BE(r + 6);
    if (platform !== 3 || nameId !== 1) continue;
    const length = buf.readUInt16BE(r + 8);
    const at = strings + buf.readUInt16BE(r + 10);
    out.push(
      Buffer.from(buf.subarray(at, at + length))
        .swap16()
        .toString('utf16le'),
    );
  }
  return out;
}

/** A stand-alone OpenType font from one member of a collection: the same tables, laid out afresh. */
function extractFromCollection(buf, family) {
  if (buf.toString('latin1', 0, 4) !== 'ttcf') return buf;
  const numFonts = buf.readUInt32BE(8);
  for (let f = 0; f < numFonts; f++) {
    const { sfntVersion, tables } = tablesAt(buf, buf.readUInt32BE(12 + f * 4));
    if (!familyNames(buf, tables).includes(family)) continue;
    tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
    const headerLength = 12 + tables.length * 16;
    let size = headerLength;
    for (const t of tables) size += Math.ceil(t.length / 4) * 4;
    const out = Buffer.alloc(size);
    out.writeUInt32BE(sfntVersion, 0);
    out.writeUInt16BE(tables.length, 4);
    const power = 2 ** Math.floor(Math.log2(tables.length));
    out.writeUInt16BE(power * 16, 6);
    out.writeUInt16BE(Math.log2(power), 8);
    out.writeUInt16BE(tables.length * 16 - power * 16, 10);
    let at = headerLength;
    tables.forEach((t, i) => {
      const r = 12 + i * 16;
      out.write(t.tag, r, 'latin1');
      out.writeUInt32BE(t.checksum, r + 4);
      out.writeUInt32BE(at, r + 8);
      out.writeUInt32BE(t.length, r + 12);
      buf.copy(out, at, t.offset, t.offset + t.length);
      at += Math.ceil(t.length / 4) * 4;
    });
    return out;
  }
  throw new Error(`${source} 中没有 ${family}`);
}

/** ASCII, the 7,445 characters of GB 2312 (decoded through GB 18030), and the punctuation letters use. */
function charset() {
  const chars = new Set();
  for (let c = 0x20; c <= 0x7e; c++) chars.add(String.fromCodePoint(c));
  // GB 2312: symbol rows 0xA1–0xA9 and hanzi rows 0xB0–0xF7. The cells GB 2312 leaves empty decode to GBK
  // additions or to the private use area; only assigned non-private characters are kept.
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue;
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      const cp = ch.codePointAt(0);
      if (ch.length === 1 && ch !== '\ufffd' && cp >= 0x80 && !(cp >= 0xe000 && cp <= 0xf8ff)) chars.add(ch);
    }
  }
  const ranges = [
    [0x3000, 0x303f], // CJK symbols and punctuation
    [0xff01, 0xff5e], // full-width forms
    [0x2010, 0x2027], // dashes, quotes, ellipsis
    [0x2030, 0x203b],
  ];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) chars.add(String.fromCodePoint(c));
  for (const ch of '·×÷°±‰№℃■□▲△◆◇○●★☆→←↑↓') chars.add(ch);
  return [...chars].join('');
}

const collection = readFileSync(source);
const font = extractFromCollection(collection, wantedFamily);
const text = charset();
// Layout features are dropped: the letters are set horizontally, and keeping every feature's closure makes
// harfbuzz fail on a set this large.
const subset = await subsetFont(font, text, { targetFormat: 'sfnt', keepFeatures: [] });
mkdirSync(outDir, { recursive: true });
writeFileSync(outFont, subset);
const check = fontkit.create(subset);
const covered = [...text].filter((ch) => check.hasGlyphForCodePoint(ch.codePointAt(0)));
writeFileSync(outChars, covered.join('') + '\n');
console.log(
  `${path.relative(root, outFont)}: ${(subset.length / 1024 / 1024).toFixed(2)} MB, ${covered.length} 个字符（请求 ${[...text].length} 个）`,
);
