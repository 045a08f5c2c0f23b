import type { Metadata } from "next";
import { Fragment } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { env } from "@/server/env";
import { listOutbox, usesOutbox } from "@/server/email/send-email";
import { forwardedByProxy, outboxVisible } from "@/server/email/outbox-access";
import { peerAddress } from "@/server/http/client-ip";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox (development)" };

const URL_RE = /(https?:\/\/[^\s<>"')]+)/g;

/** Plain text with its http(s) URLs turned into links. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-700 underline hover:text-brand-900">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default async function OutboxPage() {
  // Reset and invitation links are credentials: only loopback clients of a loopback-bound
  // server see them, and in production only when the operator opted in (outbox-access.ts).
  const e = env();
  const enabled = usesOutbox();
  const h = await headers();
  const peer = peerAddress(h);
  if (enabled && !outboxVisible({ peer, boundHost: e.HOST, env: e, forwarded: forwardedByProxy(h, peer) })) notFound();
  const messages = enabled ? await listOutbox() : [];
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-ink">Outbox</h1>
      <p className="mt-1 text-sm text-ink-muted">
        E-mail the app would have sent, newest first. Only for development and tests.
      </p>
      <div className="mt-6 space-y-4">
        {!enabled ? (
          <Alert tone="info">Outbox disabled: SMTP is configured</Alert>
        ) : messages.length === 0 ? (
          <div className="rounded-lg border border-line bg-surface">
            <EmptyState title="No messages yet" description="Invitations and password-reset e-mails appear here." />
          </div>
        ) : (
          messages.map((m) => (
            <article
              key={m.id}
              aria-labelledby={`msg-${m.id}`}
              className="rounded-lg border border-line bg-surface p-5 shadow-sm"
            >
              <h2 id={`msg-${m.id}`} className="text-base font-semibold text-ink">
                {m.subject}
              </h2>
              <p className="mt-1 text-xs text-ink-muted">
                To <span className="font-medium text-ink">{m.to}</span> · <LocalTime value={m.createdAt} />
              </p>
              <div className="mt-3 text-sm whitespace-pre-wrap text-ink">
                <Linkified text={m.text} />
              </div>
            </article>
          ))
        )}
      </div>
    </main>
  );
}
