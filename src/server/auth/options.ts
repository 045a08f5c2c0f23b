import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { credentialsByEmail } from "../db/credentials";
import { zEmail, zPassword } from "../validation";
import { env, publicUrl } from "../env";
import { safeCallbackPath } from "./safe-callback";
import { verifyPassword } from "./password";
import { createAuthSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

const ZCredentials = z.object({ email: zEmail, password: zPassword() });

/** E-mail and password right: a new session row for the user; otherwise null. */
export async function verifyCredentials(raw: unknown, userAgent?: unknown) {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = await getDb();
  const user = await credentialsByEmail(db, email); // the app role cannot read hashes otherwise
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok) return null;
  const sessionId = await createAuthSession(user.id, typeof userAgent === "string" ? userAgent : null);
  return { id: user.id, email: user.email, name: user.name, sessionId };
}

export const authOptions: NextAuthOptions = {
  // Credentials sign-in needs the JWT strategy; the token holds only our session row id.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  secret: env().NEXTAUTH_SECRET,
  // __Secure-/__Host- cookie names and the Secure flag whenever the app is served over https
  // (next-auth's own default follows NEXTAUTH_URL only).
  useSecureCookies: (env().NEXTAUTH_URL ?? publicUrl()).startsWith("https://"),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      // Limits were applied before this runs (credentials-sign-in.ts, via the auth route).
      authorize: (raw, req) => verifyCredentials(raw, req?.headers?.["user-agent"]),
    }),
  ],
  callbacks: {
    // Only same-origin paths: next-auth's default accepts anything that starts with "/".
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined, user: { ...session.user, id: token.uid as string } };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};

// argon2id hash of a random string; only used to spend the same time on unknown e-mails.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$ZHVtbXlzYWx0ZHVtbXk$0n5q3iS9qNIY4zX4sXGxtq8pZ3y5qXz2Wb3v2Kc9bJ8";
