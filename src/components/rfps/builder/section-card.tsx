"use client";

import { useEffect, useRef, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { QUESTION_KIND_LABELS, QUESTION_KINDS, RFP_LIMITS, type QuestionKind } from "@/server/rfps/content-model";
import type { StageCode } from "@/server/vendors/catalog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { duplicateQuestion, newQuestion, type BuilderValues, type QuestionValues } from "./builder-values";
import { errorAt, fieldId, textareaClass } from "./form-bits";
import { QuestionEditor } from "./question-editor";
import { SortableItem, SortableList } from "./sortable";

/** What a section offers the others: taking a question moved in from elsewhere. */
export type SectionApi = { accept: (q: QuestionValues) => void };

/**
 * One section: its title and introduction, and its questions, reordered by drag or keyboard
 * and added, duplicated, removed or moved to another section.
 */
export function SectionCard({
  si,
  sectionCount,
  handleProps,
  disabled,
  register: registerApi,
  sectionApi,
  onDuplicate,
  onRemove,
  stagesInScope,
}: {
  si: number;
  sectionCount: number;
  handleProps: Record<string, unknown>;
  disabled: boolean;
  /** Makes this section reachable for questions moved in from other sections. */
  register: (sectionId: string, api: SectionApi | null) => void;
  sectionApi: (sectionId: string) => SectionApi | undefined;
  onDuplicate: () => void;
  onRemove: () => void;
  stagesInScope: StageCode[];
}) {
  const p = `content.sections.${si}` as const;
  const { control, register, getValues, formState } = useFormContext<BuilderValues>();
  const { fields, append, remove, move, insert } = useFieldArray({ control, name: `${p}.questions`, keyName: "key" });
  const sectionId = useWatch({ control, name: `${p}.id` });
  const title = useWatch({ control, name: `${p}.title` }) ?? "";
  const questions = (useWatch({ control, name: `${p}.questions` }) ?? []) as QuestionValues[];
  const allTitles = ((useWatch({ control, name: "content.sections" }) ?? []) as { title: string }[]).map(
    (s) => s.title,
  );
  const [fresh, setFresh] = useState<string | null>(null);
  // The prompt of a question just added from the menu: it gets the cursor once the menu has closed
  // (while the menu is open its focus trap would take the focus straight back).
  const addedPrompt = useRef<string | null>(null);

  useEffect(() => {
    if (!sectionId) return;
    registerApi(sectionId, { accept: (q) => append(q) });
    return () => registerApi(sectionId, null);
  }, [sectionId, registerApi, append]);

  const add = (kind: QuestionKind) => {
    // A new price line proposes the first stage in scope that has none yet.
    const priced = new Set(
      (getValues("content.sections") ?? [])
        .flatMap((s) => s.questions.filter((q) => q.kind === "price"))
        .map((q) => q.stage),
    );
    const q = newQuestion(kind, kind === "price" ? (stagesInScope.find((s) => !priced.has(s)) ?? "") : "");
    addedPrompt.current = fieldId(`${p}.questions.${fields.length}.prompt`);
    append(q, { shouldFocus: false });
    setFresh(q.id);
  };

  const moveTo = (qi: number, target: number) => {
    const targetId = getValues(`content.sections.${target}.id`);
    const api = sectionApi(targetId);
    if (!api || target === si) return;
    const q = getValues(`${p}.questions.${qi}`);
    api.accept(q);
    remove(qi);
  };

  const name = title.trim() || "Untitled section";
  const count = questions.length;
  const headingId = `${fieldId(p)}-heading`;
  const titleError = errorAt(formState.errors, `${p}.title`);

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface shadow-sm">
      <div className="flex items-start gap-2 border-b border-line px-3 py-3">
        <button
          type="button"
          {...handleProps}
          disabled={disabled}
          aria-label={`Move section ${si + 1}: ${name}`}
          className="mt-7 flex h-8 w-6 cursor-grab touch-none items-center justify-center rounded text-ink-muted hover:bg-canvas disabled:cursor-not-allowed disabled:opacity-40"
        >
          <span aria-hidden>⠿</span>
        </button>
        <div className="min-w-0 flex-1 space-y-3">
          <h2 id={headingId} className="sr-only">
            Section {si + 1}: {name}
          </h2>
          <Field label={`Section ${si + 1} title`} error={titleError}>
            <Input
              id={fieldId(`${p}.title`)}
              maxLength={RFP_LIMITS.sectionTitle}
              disabled={disabled}
              {...register(`${p}.title`)}
            />
          </Field>
          <Field label="Introduction (optional)" error={errorAt(formState.errors, `${p}.description`)}>
            <textarea
              id={fieldId(`${p}.description`)}
              rows={2}
              maxLength={RFP_LIMITS.sectionDescription}
              disabled={disabled}
              className={textareaClass}
              {...register(`${p}.description`)}
            />
          </Field>
        </div>
        <div className="mt-6 flex shrink-0 flex-col items-end gap-1">
          <Button size="sm" variant="ghost" onClick={onDuplicate} disabled={disabled}>
            Duplicate section
          </Button>
          {count > 0 ? (
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost" className="text-danger-700" disabled={disabled}>
                  Remove section
                </Button>
              }
              title={`Remove “${name}”?`}
              description={`Its ${count === 1 ? "question goes" : `${count} questions go`} with it. You can still discard your changes instead of saving.`}
              confirmLabel="Remove section"
              onConfirm={onRemove}
            />
          ) : (
            <Button size="sm" variant="ghost" className="text-danger-700" onClick={onRemove} disabled={disabled}>
              Remove section
            </Button>
          )}
        </div>
      </div>

      <div className="space-y-2 px-3 py-3">
        {count === 0 ? (
          <p className="px-2 py-3 text-sm text-ink-muted">No questions in this section yet.</p>
        ) : (
          <SortableList
            ids={fields.map((f) => f.id)}
            noun="question"
            nameOf={(id) => questions.find((q) => q.id === id)?.prompt ?? ""}
            onMove={(from, to) => move(from, to)}
          >
            <ol className="space-y-2" aria-label={`Questions in section ${si + 1}`}>
              {fields.map((f, qi) => (
                <li key={f.key}>
                  <SortableItem id={f.id}>
                    {({ handleProps: h }) => (
                      <QuestionEditor
                        si={si}
                        qi={qi}
                        handleProps={h}
                        disabled={disabled}
                        startOpen={f.id === fresh}
                        sections={allTitles}
                        actions={{
                          duplicate: () => {
                            const copy = duplicateQuestion(getValues(`${p}.questions.${qi}`));
                            insert(qi + 1, copy, { shouldFocus: false });
                            setFresh(copy.id);
                          },
                          remove: () => remove(qi),
                          moveTo: sectionCount > 1 ? (target) => moveTo(qi, target) : undefined,
                        }}
                      />
                    )}
                  </SortableItem>
                </li>
              ))}
            </ol>
          </SortableList>
        )}
        <div className="pt-1">
          <DropdownMenu
            align="start"
            label="Question type"
            onCloseAutoFocus={(e) => {
              const id = addedPrompt.current;
              if (!id) return;
              addedPrompt.current = null;
              e.preventDefault();
              requestAnimationFrame(() => document.getElementById(id)?.focus());
            }}
            trigger={
              <Button size="sm" variant="secondary" disabled={disabled || count >= RFP_LIMITS.questions}>
                Add question to section {si + 1}
              </Button>
            }
          >
            {QUESTION_KINDS.map((k) => (
              <DropdownMenuItem key={k} onSelect={() => add(k)}>
                {QUESTION_KIND_LABELS[k]}
              </DropdownMenuItem>
            ))}
          </DropdownMenu>
        </div>
      </div>
    </section>
  );
}
