import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TooManyRequestsError } from "../auth/rate-limit";
import { AppError } from "../errors/app-error";
import { captureLogLinesForTests, setLogDestinationForTests } from "../log";
import { asciiFileName, contentDisposition, errorResponse, fileRouteHeaders } from "./http";
import { FileTooLargeError } from "./spool";

const req = new Request("http://localhost/api/files");
const answer = async (e: unknown) => {
  const res = errorResponse(req, e);
  return { status: res.status, body: await res.json(), retry: res.headers.get("retry-after") };
};

describe("file routes: answers", () => {
  it("maps refusals to statuses with the message and the field", async () => {
    expect(await answer(new FileTooLargeError("a.pdf", 1024))).toEqual({
      status: 413,
      body: { error: { message: "a.pdf is larger than 1 KB, the largest file accepted.", field: "file" } },
      retry: null,
    });
    expect((await answer(new AppError("NOT_FOUND", "File not found."))).status).toBe(404);
    expect((await answer(new AppError("CONFLICT", "Submitted."))).status).toBe(409);
    expect((await answer(new AppError("FORBIDDEN", "No."))).status).toBe(403);
    const limited = await answer(new TooManyRequestsError(90));
    expect([limited.status, limited.retry, limited.body.error.message]).toEqual([
      429,
      "90",
      "Too many attempts, try again in 2 minutes.",
    ]);
  });

  it("names the field of a malformed parameter, and never shows an unexpected error's text", async () => {
    const zodError = z.object({ rfpId: z.string().min(1) }).safeParse({ rfpId: "" }).error!;
    const bad = await answer(zodError);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("rfpId");
    const boom = await answer(new Error("connection refused at 10.0.0.3"));
    expect(boom.status).toBe(500);
    expect(JSON.stringify(boom.body)).not.toContain("10.0.0.3");
  });

  it("answers an unexpected error with the request's id as the reference, the one its log line carries", async () => {
    const lines = captureLogLinesForTests();
    try {
      const upload = new Request("http://localhost/api/files?orgSlug=helix", {
        method: "POST",
        headers: { "x-request-id": "edge-4f1c2a9b7d" },
      });
      const res = errorResponse(upload, new Error("disk full at /srv/files"));
      expect(res.headers.get("x-request-id")).toBe("edge-4f1c2a9b7d");
      const body = await res.json();
      expect(body.error.message).toMatch(/Reference: edge-4f1c2a9b7d$/);
      expect(JSON.stringify(body)).not.toContain("/srv/files");
      expect(lines).toEqual([
        expect.objectContaining({ level: "error", requestId: "edge-4f1c2a9b7d", method: "POST", path: "/api/files" }),
      ]);
    } finally {
      setLogDestinationForTests(undefined);
    }
  });

  it("sends the project's security headers with a fresh nonce and private, uncached answers", () => {
    const a = fileRouteHeaders(req);
    const b = fileRouteHeaders(req);
    expect(a.get("x-content-type-options")).toBe("nosniff");
    expect(a.get("cache-control")).toBe("private, no-store");
    expect(a.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    expect(a.get("content-security-policy")).not.toBe(b.get("content-security-policy"));
  });

  it("offers a safe ASCII name beside the exact UTF-8 one", () => {
    expect(asciiFileName('Quote "final"; v2.pdf')).toBe("Quote _final__ v2.pdf");
    expect(asciiFileName("..\\..\\etc.pdf")).toBe("_.._etc.pdf");
    expect(asciiFileName("Überblick.pdf")).toBe("_berblick.pdf");
    expect(contentDisposition("Überblick (1).pdf")).toBe(
      `attachment; filename="_berblick _1_.pdf"; filename*=UTF-8''%C3%9Cberblick%20%281%29.pdf`,
    );
  });
});
