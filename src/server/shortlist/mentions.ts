// Mentions in a shortlist comment. Browser-safe and pure: the comment box and the server share it.
//
// Syntax: the comment box's autocomplete inserts `@[Display name](userId)`, which survives a
// person renaming themselves and two colleagues with the same name. Someone typing by hand (or
// calling the API) may write `@local-part` of a colleague's e-mail (`@adam.admin`); it resolves
// only when exactly one member has that local part. Either way a mention resolves only to a
// member of the comment's own organisation; anything else stays plain text and notifies no one.

export type MentionCandidate = { id: string; name: string; email: string };

export type CommentPart = { kind: "text"; text: string } | { kind: "mention"; userId: string; name: string };

const TOKEN = /@\[([^\]\n]{1,120})\]\(([A-Za-z0-9_-]{1,64})\)/g;
// A bare handle starts the text or follows white space or an opening bracket, and does not end in a dot.
const HANDLE = /(^|[\s(])@([A-Za-z0-9][A-Za-z0-9._+-]{0,62}[A-Za-z0-9_+-]|[A-Za-z0-9])/g;

/** The token the autocomplete inserts for `member`. Square brackets in a name would end it early. */
export function mentionToken(member: { id: string; name: string }): string {
  return `@[${member.name.replace(/[[\]\n]/g, " ").trim() || "member"}](${member.id})`;
}

const localPart = (email: string) => email.split("@")[0]!.toLowerCase();

/** The ids of the members a body mentions, each once, in order of first mention. */
export function resolveMentions(body: string, members: readonly MentionCandidate[]): string[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const byLocal = new Map<string, MentionCandidate[]>();
  for (const m of members) byLocal.set(localPart(m.email), [...(byLocal.get(localPart(m.email)) ?? []), m]);
  const found: { at: number; id: string }[] = [];
  for (const m of body.matchAll(TOKEN)) if (byId.has(m[2]!)) found.push({ at: m.index, id: m[2]! });
  const withoutTokens = body.replace(TOKEN, (t) => " ".repeat(t.length));
  for (const m of withoutTokens.matchAll(HANDLE)) {
    const hits = byLocal.get(m[2]!.toLowerCase());
    if (hits?.length === 1) found.push({ at: m.index + m[1]!.length, id: hits[0]!.id });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.id))];
}

/**
 * The body split for display: tokens of mentioned members become mentions named as they are now
 * (`names`), other tokens read as their plain "@Name". Bare handles stay text.
 */
export function commentParts(body: string, names: ReadonlyMap<string, string>): CommentPart[] {
  const parts: CommentPart[] = [];
  let last = 0;
  const text = (t: string) => {
    if (!t) return;
    const prev = parts.at(-1);
    if (prev?.kind === "text") prev.text += t;
    else parts.push({ kind: "text", text: t });
  };
  for (const m of body.matchAll(TOKEN)) {
    text(body.slice(last, m.index));
    const name = names.get(m[2]!);
    if (name) parts.push({ kind: "mention", userId: m[2]!, name });
    else text(`@${m[1]}`);
    last = m.index + m[0].length;
  }
  text(body.slice(last));
  return parts;
}

/** The body as plain text ("@Adam Reyes, can you check…"), for notifications, e-mails and the feed. */
export function plainText(body: string): string {
  return body.replace(TOKEN, (_t, name: string) => `@${name}`);
}

/** The first `max` characters of the plain text, on one line. */
export function excerpt(body: string, max = 140): string {
  const flat = plainText(body).replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
