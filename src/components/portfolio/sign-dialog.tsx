"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormDialog } from "../ui/form-dialog";
import { Input, Select } from "../ui/input";

export type Meaning = "REVIEWER" | "APPROVER";

/**
 * An electronic signature: the signer re-enters their password at this moment and says what the
 * signature means. The server stamps the time and binds it to the record's hash.
 */
export function SignDialog({
  trigger,
  title,
  meanings,
  recordHash,
  printedName,
  onSign,
}: {
  trigger: React.ReactNode;
  title: string;
  meanings: Meaning[];
  recordHash: string;
  printedName: string;
  onSign: (m: { meaning: Meaning; password: string }) => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [meaning, setMeaning] = useState<Meaning>(meanings[0] ?? "REVIEWER");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setPassword("");
        setError(undefined);
      }}
      title={title}
      description={
        <>
          <p>
            You sign as <strong>{printedName}</strong>. The signature shows your name, the date and time (server clock)
            and its meaning, and is bound to record{" "}
            <code className="break-all text-xs">{recordHash.slice(0, 16)}...</code>. Any later change to the record
            voids it.
          </p>
        </>
      }
      trigger={trigger}
    >
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!password) return setError("Enter your password to sign.");
          setPending(true);
          const why = await onSign({ meaning, password });
          setPending(false);
          if (why) setError(why);
          else setOpen(false);
        }}
      >
        {meanings.length > 1 ? (
          <Field label="Meaning of your signature">
            <Select value={meaning} onChange={(e) => setMeaning(e.target.value as Meaning)}>
              {meanings.map((m) => (
                <option key={m} value={m}>
                  {m === "APPROVER" ? "Approver: I approve this award" : "Reviewer: I have reviewed this record"}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <p className="text-sm text-ink">
            Meaning: <strong>{meaning === "APPROVER" ? "Approver" : "Reviewer"}</strong>
          </p>
        )}
        <Field label="Your password" error={error}>
          <Input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            Sign
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
