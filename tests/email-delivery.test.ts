import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withOutboxAccess } from "@/server/db/outbox";
import { withTenant } from "@/server/db/tenant";
import { deliverOutboxMessage } from "@/server/email/deliver";
import { sendEmail } from "@/server/email/send-email";
import { setEmailTransportForTests, type EmailTransport, type OutgoingEmail } from "@/server/email/transport";
import { deliverEmailJob } from "@/server/jobs/deliver-email";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, makeOrg, makeUser } from "./helpers/actors";

// E-mail is written to the outbox in the transaction that causes it and delivered after
// commit by the email.deliver job, through a transport these tests replace.

let t: TestDb;
const runners: JobRunner[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A transport that records what it sends, optionally failing or stalling first. */
function fakeTransport(behaviour: { failFirst?: number; delayMs?: number } = {}) {
  const sent: (OutgoingEmail & { at: number })[] = [];
  const calls: number[] = [];
  let failures = behaviour.failFirst ?? 0;
  const transport: EmailTransport = {
    async send(m) {
      calls.push(Date.now());
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      if (failures > 0) {
        failures--;
        throw new Error(`SMTP 451 try later (${calls.length})`);
      }
      sent.push({ ...m, at: Date.now() });
    },
  };
  return { transport, sent, calls };
}

async function runner(): Promise<JobRunner> {
  const r = await startJobRunner({
    handle: t,
    jobs: [deliverEmailJob] as never,
    pollingIntervalSeconds: 0.5,
    schedules: false,
  });
  runners.push(r);
  return r;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

// The outbox is readable only through withOutboxAccess (row-level security).
const outboxRow = async (to: string) =>
  withOutboxAccess(await getDb(), (tx) => tx.emailOutbox.findFirst({ where: { to } }));
const unsent = async (to: string[]) =>
  withOutboxAccess(await getDb(), (tx) => tx.emailOutbox.count({ where: { to: { in: to }, sentAt: null } }));
const jobsFor = async (queue: string) =>
  Number(
    ((await t.adminQuery(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = '${queue}'`)) as { n: number }[])[0]!
      .n,
  );

beforeAll(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  while (runners.length) await runners.pop()!.stop();
  setEmailTransportForTests(undefined);
});
afterAll(async () => t?.drop());

describe(`e-mail after commit (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("a transaction that rolls back leaves no message, no job, and sends nothing", async () => {
    const fake = fakeTransport();
    setEmailTransportForTests(fake.transport);
    const owner = await makeUser("owner");
    const org = await makeOrg("SPONSOR", owner);
    const jobsBefore = await jobsFor("email.deliver");
    await expect(
      withTenant(await getDb(), { orgId: org.id }, async (db) => {
        await sendEmail({ to: "rolled-back@test.example", subject: "Never", text: "rolled back" }, db);
        throw new Error("the change failed after the e-mail was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(fake.calls).toHaveLength(0); // nothing sent inside the transaction
    await runner();
    await sleep(1500);
    expect(fake.calls).toHaveLength(0);
    expect(await outboxRow("rolled-back@test.example")).toBeNull();
    expect(await jobsFor("email.deliver")).toBe(jobsBefore);
  });

  it("a committed invitation is delivered once by the job, after commit, and recorded", async () => {
    const fake = fakeTransport();
    setEmailTransportForTests(fake.transport);
    const owner = await makeUser("owner");
    const org = await makeOrg("SPONSOR", owner);
    await callerFor(owner).members.invite({ orgSlug: org.slug, email: "invitee-1@test.example", role: "VIEWER" });
    // Committed and queued, but nothing is sent by the request itself.
    expect(fake.calls).toHaveLength(0);
    expect(await outboxRow("invitee-1@test.example")).toMatchObject({ sentAt: null, attempts: 0 });
    await runner();
    const row = await until(
      "delivery",
      async () => (await outboxRow("invitee-1@test.example"))?.sentAt && outboxRow("invitee-1@test.example"),
    );
    expect(row).toMatchObject({ attempts: 1, lastError: null, claimedUntil: null });
    await sleep(1500); // more polling finds nothing left to send
    expect(fake.sent.map((m) => m.to)).toEqual(["invitee-1@test.example"]);
    expect(fake.sent[0]!.subject).toMatch(/^You are invited to /);
    expect(fake.sent[0]!.text).toContain("/invite/");
  });

  it("a failing transport is retried with growing delays until it succeeds", async () => {
    const fake = fakeTransport({ failFirst: 2 });
    setEmailTransportForTests(fake.transport);
    const r = await runner();
    // The queue's policy is 30 s doubling; the same policy at 1 s keeps the test short.
    await r.boss.updateQueue("email.deliver", {
      name: "email.deliver",
      policy: "standard",
      retryLimit: 4,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: 60,
    });
    await sendEmail({ to: "flaky@test.example", subject: "Hello", text: "third time lucky" });
    const row = await until(
      "delivery after retries",
      async () => (await outboxRow("flaky@test.example"))?.sentAt && outboxRow("flaky@test.example"),
    );
    expect(fake.calls).toHaveLength(3);
    expect(fake.sent).toHaveLength(1);
    expect(row).toMatchObject({ attempts: 3, lastError: "SMTP 451 try later (2)" });
    const [first, second, third] = fake.calls as [number, number, number];
    // Backoff: at least 1 s before the first retry, at least 2 s before the second.
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1900);
  });

  it("two workers and concurrent deliveries never send a message twice", async () => {
    const fake = fakeTransport({ delayMs: 50 });
    setEmailTransportForTests(fake.transport);
    const to = Array.from({ length: 12 }, (_, i) => `many-${i}@test.example`);
    await withTenant(await getDb(), { orgId: (await makeOrg("SPONSOR", await makeUser("batch"))).id }, async (db) => {
      for (const address of to) await sendEmail({ to: address, subject: "Batch", text: address }, db);
    });
    await runner();
    await runner();
    await until("all delivered", async () => (await unsent(to)) === 0);
    await sleep(1500);
    expect(fake.sent.map((m) => m.to).sort()).toEqual([...to].sort());

    // The same message raced by eight deliveries at once (as two workers holding a duplicate would).
    const slow = fakeTransport({ delayMs: 300 });
    await sendEmail({ to: "raced@test.example", subject: "Once", text: "once" });
    const id = (await outboxRow("raced@test.example"))!.id;
    const db = await getDb();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => deliverOutboxMessage(db, id, slow.transport)),
    );
    expect(slow.sent.map((m) => m.to)).toEqual(["raced@test.example"]);
    expect(outcomes.filter((o) => o.status === "fulfilled" && o.value === "sent")).toHaveLength(1);
    expect(await deliverOutboxMessage(db, id, slow.transport)).toBe("already-sent");
    expect(slow.sent).toHaveLength(1);
  });

  it("stopping the runner lets a delivery in progress finish", async () => {
    const slow = fakeTransport({ delayMs: 1500 });
    setEmailTransportForTests(slow.transport);
    await sendEmail({ to: "in-flight@test.example", subject: "Almost", text: "done" });
    const r = await startJobRunner({
      handle: t,
      jobs: [deliverEmailJob] as never,
      pollingIntervalSeconds: 0.5,
      schedules: false,
    });
    await until("the send to start", async () => slow.calls.length > 0);
    await r.stop(); // graceful: waits for the running job
    expect(slow.sent.map((m) => m.to)).toEqual(["in-flight@test.example"]);
    expect(await outboxRow("in-flight@test.example")).toMatchObject({ attempts: 1, claimedUntil: null });
    expect((await outboxRow("in-flight@test.example"))!.sentAt).not.toBeNull();
  });

  it("without a transport the outbox row is the delivery: no job is queued", async () => {
    setEmailTransportForTests(null);
    const before = await jobsFor("email.deliver");
    await sendEmail({ to: "dev@test.example", subject: "Local", text: "read me at /dev/outbox" });
    expect(await outboxRow("dev@test.example")).toMatchObject({ sentAt: null, attempts: 0 });
    expect(await jobsFor("email.deliver")).toBe(before);
  });
});
