import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { docx, EXE_BYTES, PDF_BYTES, PNG_BYTES, xlsx, zip, DOCX_MAIN } from "../../../tests/helpers/zip";
import { acceptedKind } from "./accept";
import { acceptAttribute, formatBytes, kindOfName } from "./kinds";
import { bufferReader, sniff } from "./sniff";

const of = (b: Uint8Array | string) => sniff(bufferReader(typeof b === "string" ? Buffer.from(b) : b));

describe("sniff: what the bytes are", () => {
  it("recognises PDF, PNG and JPEG by their magic numbers", async () => {
    expect(await of(PDF_BYTES)).toEqual({ ok: true, kind: "pdf" });
    expect(await of(PNG_BYTES)).toEqual({ ok: true, kind: "png" });
    expect(await of(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ ok: true, kind: "jpg" });
  });

  it("tells Word from Excel by the package's content types, wherever [Content_Types].xml sits", async () => {
    expect(await of(docx())).toEqual({ ok: true, kind: "docx" });
    expect(await of(docx({ typesLast: true }))).toEqual({ ok: true, kind: "docx" });
    expect(await of(xlsx())).toEqual({ ok: true, kind: "xlsx" });
  });

  it("refuses a plain ZIP, a macro-enabled document, an encrypted package and a damaged archive", async () => {
    expect(await of(zip([{ name: "a.txt", data: "hello" }]))).toEqual({ ok: false, reason: "unknown" });
    const macro = docx({ main: "application/vnd.ms-word.document.macroEnabled.main+xml" });
    expect(await of(macro)).toEqual({ ok: false, reason: "macros" });
    const encrypted = zip([{ name: "[Content_Types].xml", data: DOCX_MAIN, encrypted: true }]);
    expect(await of(encrypted)).toEqual({ ok: false, reason: "encrypted" });
    expect(await of(docx().subarray(0, 120))).toEqual({ ok: false, reason: "unknown" });
    // Word's content type without any word/ part is not a Word document.
    expect(await of(zip([{ name: "[Content_Types].xml", data: `"${DOCX_MAIN}"` }]))).toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("accepts UTF-8 text (with a BOM, tabs and CRLF) and refuses NUL, control bytes and invalid UTF-8", async () => {
    expect(await of("name,price\r\nHelix,12\t€\n")).toEqual({ ok: true, kind: "text" });
    expect(await of(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n")]))).toEqual({
      ok: true,
      kind: "text",
    });
    expect(await of("a,b\u0000c")).toEqual({ ok: false, reason: "unknown" });
    expect(await of("bell\u0007")).toEqual({ ok: false, reason: "unknown" });
    expect(await of(Buffer.from([0x61, 0xc3, 0x28]))).toEqual({ ok: false, reason: "unknown" });
    expect(await of(EXE_BYTES)).toEqual({ ok: false, reason: "unknown" });
    expect(await of("")).toEqual({ ok: false, reason: "empty" });
  });

  it("reads text across block boundaries (a multi-byte character split between reads)", async () => {
    const text = "é".repeat(40_000); // 80,000 bytes: the 64 KiB boundary falls inside a character
    expect(await of(text)).toEqual({ ok: true, kind: "text" });
  });
});

describe("acceptedKind: content and name must agree", () => {
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof AppError ? `${e.code}:${e.field}:${e.message}` : String(e);
    }
    return "accepted";
  };

  it("accepts a file whose content matches its extension", () => {
    expect(acceptedKind("Quote.PDF", { ok: true, kind: "pdf" })).toBe("pdf");
    expect(acceptedKind("photo.jpeg", { ok: true, kind: "jpg" })).toBe("jpg");
    expect(acceptedKind("prices.csv", { ok: true, kind: "text" })).toBe("csv");
    expect(acceptedKind("notes.txt", { ok: true, kind: "text" })).toBe("txt");
  });

  it("names the file and the accepted kinds when the extension is not accepted", () => {
    expect(message(() => acceptedKind("report.exe", { ok: true, kind: "pdf" }))).toBe(
      "BAD_REQUEST:file:report.exe: only PDF, Word, Excel, CSV, text, PNG and JPEG files are accepted.",
    );
    expect(message(() => acceptedKind("README", { ok: true, kind: "text" }))).toMatch(/README: only PDF/);
  });

  it("refuses a renamed executable and a file whose content is another kind", () => {
    expect(message(() => acceptedKind("report.pdf", { ok: false, reason: "unknown" }))).toBe(
      "BAD_REQUEST:file:report.pdf is not a PDF document by its content; only PDF, Word, Excel, CSV, text, PNG and JPEG files are accepted.",
    );
    expect(message(() => acceptedKind("scan.png", { ok: true, kind: "pdf" }))).toBe(
      "BAD_REQUEST:file:scan.png is a PDF document by its content, not a PNG image: rename it to .pdf or choose the right file.",
    );
    expect(message(() => acceptedKind("a.docx", { ok: false, reason: "macros" }))).toMatch(/contains macros/);
    expect(message(() => acceptedKind("a.xlsx", { ok: false, reason: "encrypted" }))).toMatch(/password-protected/);
    expect(message(() => acceptedKind("a.txt", { ok: false, reason: "empty" }))).toMatch(/a\.txt is empty/);
  });

  it("applies a question's own list of kinds", () => {
    expect(message(() => acceptedKind("a.png", { ok: true, kind: "png" }, ["pdf", "docx"]))).toBe(
      "BAD_REQUEST:file:a.png: only PDF and Word files are accepted.",
    );
    expect(message(() => acceptedKind("a.pdf", { ok: true, kind: "text" }, ["pdf"]))).toMatch(
      /a\.pdf is not a PDF document by its content; only PDF files are accepted/,
    );
  });
});

describe("kinds", () => {
  it("maps names to kinds, builds accept attributes and formats sizes", () => {
    expect(kindOfName("x.JPG")).toBe("jpg");
    expect(kindOfName("archive.tar.gz")).toBeNull();
    expect(acceptAttribute(["pdf", "png"])).toBe(".pdf,application/pdf,.png,image/png");
    expect(formatBytes(25 * 1024 * 1024)).toBe("25 MB");
    expect(formatBytes(1536)).toBe("2 KB");
  });
});
