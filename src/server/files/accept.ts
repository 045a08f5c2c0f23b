import { AppError } from "../errors/app-error";
import { FILE_KIND_INFO, FILE_KINDS, kindList, kindOfName, type FileKind } from "./kinds";
import type { Sniffed } from "./sniff";

// The decision on a file's type: its content (sniff.ts) must be an accepted kind AND match the
// kind its name claims, so a renamed .exe is refused and a PDF named .png does not reach a
// reader who would open it as an image. Messages name the file and say what to do.

const refuse = (message: string) => new AppError("BAD_REQUEST", message, { field: "file" });

export const acceptedList = (accept: readonly FileKind[] = FILE_KINDS) => `only ${kindList(accept)} files are accepted`;

export function acceptedKind(name: string, content: Sniffed, accept: readonly FileKind[] = FILE_KINDS): FileKind {
  const claimed = kindOfName(name);
  if (!claimed || !accept.includes(claimed)) throw refuse(`${name}: ${acceptedList(accept)}.`);
  const notIt = () => refuse(`${name} is not ${FILE_KIND_INFO[claimed].noun} by its content; ${acceptedList(accept)}.`);
  if (!content.ok) {
    if (content.reason === "empty") throw refuse(`${name} is empty.`);
    if (content.reason === "macros")
      throw refuse(`${name} contains macros, which are not accepted. Save it without macros (.docx or .xlsx).`);
    if (content.reason === "encrypted")
      throw refuse(`${name} is password-protected. Remove the password and upload it again.`);
    throw notIt();
  }
  const actual: FileKind =
    content.kind === "text" ? (claimed === "csv" || claimed === "txt" ? claimed : "txt") : content.kind;
  if (actual !== claimed) {
    if (!accept.includes(actual)) throw notIt();
    const ext = FILE_KIND_INFO[actual].extensions[0];
    throw refuse(
      `${name} is ${FILE_KIND_INFO[actual].noun} by its content, not ${FILE_KIND_INFO[claimed].noun}: ` +
        `rename it to .${ext} or choose the right file.`,
    );
  }
  return actual;
}
