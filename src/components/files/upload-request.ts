import { UPLOAD_HEADER, uploadUrl, type UploadTargetParams } from "@/server/files/kinds";

// One upload as an XMLHttpRequest, because fetch() cannot report upload progress. The body is
// the File itself (the browser streams it from disk); the server answers 201 {file} or
// {error: {message}}.

export type UploadedFile = { id: string; fileName: string; size: number; contentType: string; sha256: string };
export type UploadOutcome = { ok: true; file: UploadedFile } | { ok: false; message: string };

const NETWORK = "The upload was interrupted. Check your connection and try again.";

export function sendFile(
  orgSlug: string,
  target: UploadTargetParams,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.open("POST", uploadUrl(orgSlug, target, file.name));
    xhr.setRequestHeader(UPLOAD_HEADER, "1");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as { file?: UploadedFile; error?: { message?: string } } | null;
      if (xhr.status === 201 && body?.file) resolve({ ok: true, file: body.file });
      else
        resolve({
          ok: false,
          message:
            body?.error?.message ?? `The upload failed (${xhr.status}). Try again; if it persists, contact support.`,
        });
    };
    xhr.onerror = () => resolve({ ok: false, message: NETWORK });
    xhr.onabort = () => resolve({ ok: false, message: "Upload cancelled." });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
