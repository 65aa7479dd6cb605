import { crc32, deflateRawSync } from "node:zlib";
import { FILE_TYPES } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { detectFileType } from "./file-type.js";

/** A ZIP archive of the given entries (deflated, like the files Word and Excel write). */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

const DOCX = zip({
  "[Content_Types].xml": contentTypes(
    "word/document.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  ),
  "word/document.xml": "<w:document/>",
});
const XLSX = zip({
  "[Content_Types].xml": contentTypes("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
  "xl/workbook.xml": "<workbook/>",
});

/** A 1×1 PNG header: signature and IHDR chunk. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

describe("detectFileType", () => {
  it("recognises PDF, PNG and JPEG by their magic bytes", async () => {
    expect(await detectFileType(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"))).toBe(FILE_TYPES.pdf);
    expect(await detectFileType(PNG)).toBe(FILE_TYPES.png);
    expect(await detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe(FILE_TYPES.jpeg);
  });

  it("tells Word from Excel inside the ZIP container", async () => {
    expect(await detectFileType(DOCX)).toBe(FILE_TYPES.docx);
    expect(await detectFileType(XLSX)).toBe(FILE_TYPES.xlsx);
  });

  it("knows nothing of executables, whatever they are named, nor of plain ZIPs or other bytes", async () => {
    expect(await detectFileType(Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "binary"))).toBeNull();
    expect(await detectFileType(Buffer.from("\x7fELF\x02\x01\x01\x00", "binary"))).toBeNull();
    expect(await detectFileType(zip({ "readme.txt": "hello" }))).toBeNull();
    expect(await detectFileType(Buffer.from("just some text, not a document"))).toBeNull();
    expect(await detectFileType(Buffer.alloc(0))).toBeNull();
  });

  it("gives up on a truncated container instead of throwing", async () => {
    expect(await detectFileType(DOCX.subarray(0, 40))).toBeNull();
  });
});
