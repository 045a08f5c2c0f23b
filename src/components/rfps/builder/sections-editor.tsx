"use client";

import { useCallback, useRef } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { RFP_LIMITS } from "@/server/rfps/content-model";
import type { StageCode } from "@/server/vendors/catalog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { duplicateSection, newSection, type BuilderValues } from "./builder-values";
import { fieldId } from "./form-bits";
import { SectionCard, type SectionApi } from "./section-card";
import { SortableItem, SortableList } from "./sortable";

/** The RFP's sections in order: reordered by drag or keyboard, added, duplicated and removed. */
export function SectionsEditor({ disabled }: { disabled: boolean }) {
  const { control } = useFormContext<BuilderValues>();
  const { fields, append, remove, move, insert } = useFieldArray({ control, name: "content.sections", keyName: "key" });
  const sections = (useWatch({ control, name: "content.sections" }) ?? []) as { id: string; title: string }[];
  const stagesInScope = (useWatch({ control, name: "stages" }) ?? []) as StageCode[];
  const apis = useRef(new Map<string, SectionApi>());
  const registerApi = useCallback((id: string, api: SectionApi | null) => {
    if (api) apis.current.set(id, api);
    else apis.current.delete(id);
  }, []);
  const sectionApi = useCallback((id: string) => apis.current.get(id), []);

  const focusTitle = (index: number) =>
    requestAnimationFrame(() => document.getElementById(fieldId(`content.sections.${index}.title`))?.focus());

  return (
    <div className="space-y-4">
      {fields.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line-strong bg-surface">
          <EmptyState
            title="No sections yet"
            description="Group your questions into sections (quality, technical capability, capacity, commercial), then add the questions CDMOs answer."
          />
        </div>
      ) : (
        <SortableList
          ids={fields.map((f) => f.id)}
          noun="section"
          nameOf={(id) => sections.find((s) => s.id === id)?.title ?? ""}
          onMove={(from, to) => move(from, to)}
        >
          <ol className="space-y-4" aria-label="Sections">
            {fields.map((f, si) => (
              <li key={f.key}>
                <SortableItem id={f.id} className="rounded-lg">
                  {({ handleProps }) => (
                    <SectionCard
                      si={si}
                      sectionCount={fields.length}
                      handleProps={handleProps}
                      disabled={disabled}
                      register={registerApi}
                      sectionApi={sectionApi}
                      stagesInScope={stagesInScope}
                      onDuplicate={() => {
                        insert(si + 1, duplicateSection(structuredClone(sections[si]) as never), {
                          shouldFocus: false,
                        });
                        focusTitle(si + 1);
                      }}
                      onRemove={() => remove(si)}
                    />
                  )}
                </SortableItem>
              </li>
            ))}
          </ol>
        </SortableList>
      )}
      <Button
        variant="secondary"
        disabled={disabled || fields.length >= RFP_LIMITS.sections}
        onClick={() => {
          append(newSection(), { shouldFocus: false });
          focusTitle(fields.length);
        }}
      >
        Add section
      </Button>
    </div>
  );
}
