import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { resolveAuthSession, type SessionUser } from "./sessions";

/** The signed-in user for this request, or null (no cookie, revoked or expired session). */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  return resolveAuthSession(session.sid);
}
