import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { credentialsByEmail } from "../db/credentials";
import { zEmail, zPassword } from "../validation";
import { verifyPassword } from "./password";
import { consume, resetLimit } from "./rate-limit";
import { createAuthSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

const ZCredentials = z.object({ email: zEmail, password: zPassword() });

export const authOptions: NextAuthOptions = {
  // Credentials sign-in needs the JWT strategy; the token holds only our session row id.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  secret: process.env.NEXTAUTH_SECRET,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = String(req?.headers?.["x-forwarded-for"] ?? "local").split(",")[0]!.trim();
        await consume("login", email);
        await consume("loginIp", ip);
        const db = await getDb();
        const user = await credentialsByEmail(db, email); // the app role cannot read hashes otherwise
        // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !ok) return null;
        await resetLimit("login", email);
        const ua = req?.headers?.["user-agent"];
        const sessionId = await createAuthSession(user.id, typeof ua === "string" ? ua : null);
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
  callbacks: {
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
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$ZHVtbXlzYWx0ZHVtbXk$0n5q3iS9qNIY4zX4sXGxtq8pZ3y5qXz2Wb3v2Kc9bJ8";
