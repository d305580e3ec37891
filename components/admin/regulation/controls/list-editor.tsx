"use client";
// A list of the regulation edited in place (issue 10 p.2): each item in its own box with «Выше»,
// «Ниже» and «Удалить» (a keyboard path for the order, no dragging needed), an «Добавить» button
// below. Removing can ask first (`confirmRemove` says what goes with the item). After a move the
// focus follows the moved item and a polite status says where it went.
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { DocumentProblem } from "@/server/regulation/document";
import { editorId } from "../section-props";
import { ProblemNote, TextRow } from "./fields";
import { moveItem } from "./list-ops";

type Props<T> = {
  /** The list's document path («passport.legalBasis»); item i is at `${path}.${i}`. */
  path: string;
  title: string;
  hint?: ReactNode;
  items: readonly T[];
  /** The item's name for its heading and its buttons («Этап «Рассмотрение»»). */
  itemTitle: (item: T, index: number) => string;
  renderItem: (item: T, index: number, itemPath: string) => ReactNode;
  addLabel: string;
  onAdd: () => void;
  /** Why nothing more can be added (every delivery code is taken), shown instead of the button. */
  addRefusal?: string | null;
  onRemove: (index: number) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  /** The question asked before removing (what goes with the item), or null to remove at once. */
  confirmRemove?: (index: number) => string | null;
  /** Fewer items than this cannot be left: the last ones have no «Удалить». */
  minItems?: number;
  emptyText?: string;
  problems: DocumentProblem[];
  readOnly: boolean;
  headingLevel?: 3 | 4;
  /**
   * The item's box carries the item's editor id (a problem at «stages.2» lands on it). Off where
   * the item is itself one control that carries that id (a list of texts).
   */
  itemAnchors?: boolean;
};

export function ListEditor<T>({
  path,
  title,
  hint,
  items,
  itemTitle,
  renderItem,
  addLabel,
  onAdd,
  addRefusal,
  onRemove,
  onMove,
  confirmRemove,
  minItems = 0,
  emptyText = "Список пуст.",
  problems,
  readOnly,
  headingLevel = 3,
  itemAnchors = true,
}: Props<T>) {
  const [asking, setAsking] = useState<{ index: number; question: string } | null>(null);
  const [status, setStatus] = useState("");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const ItemHeading = headingLevel === 3 ? "h4" : "h5";
  const listId = editorId(path);
  const itemId = (i: number) => editorId(`${path}.${i}`);

  const move = (i: number, delta: -1 | 1) => {
    const name = itemTitle(items[i]!, i);
    onMove(i, delta);
    setStatus(`${name}: перемещено ${delta < 0 ? "выше" : "ниже"}, теперь на месте ${i + delta + 1}`);
    // The same button of the moved item keeps the focus (it may be gone at the ends: then the other one).
    requestAnimationFrame(() => {
      const to = i + delta;
      const own = document.getElementById(`${itemId(to)}-${delta < 0 ? "up" : "down"}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${itemId(to)}-${delta < 0 ? "down" : "up"}`);
      (own && !own.disabled ? own : other)?.focus();
    });
  };
  const remove = (i: number) => {
    const name = itemTitle(items[i]!, i);
    setAsking(null);
    onRemove(i);
    setStatus(`${name}: удалено`);
    requestAnimationFrame(() => document.getElementById(`${listId}-add`)?.focus());
  };

  return (
    <section id={listId} aria-labelledby={`${listId}-title`} className="space-y-3">
      <Heading id={`${listId}-title`} className="text-lg font-semibold">
        {title}
      </Heading>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <ProblemNote problems={problems} path={path} />
      {items.length === 0 ? <p className="text-slate-600">{emptyText}</p> : null}
      <ol className="space-y-3">
        {items.map((item, i) => {
          const name = itemTitle(item, i);
          return (
            <li
              key={i}
              id={itemAnchors ? itemId(i) : undefined}
              className="rounded border border-slate-300 bg-white p-3"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <ItemHeading className="font-semibold">
                  {i + 1}. {name}
                </ItemHeading>
                {readOnly ? null : (
                  <div className="flex flex-wrap gap-1">
                    <Button
                      kind="link"
                      id={`${itemId(i)}-up`}
                      aria-label={`${name}: выше`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      Выше
                    </Button>
                    <Button
                      kind="link"
                      id={`${itemId(i)}-down`}
                      aria-label={`${name}: ниже`}
                      disabled={i === items.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      Ниже
                    </Button>
                    {items.length > minItems ? (
                      <Button
                        kind="link"
                        aria-label={`${name}: удалить`}
                        onClick={() => {
                          const question = confirmRemove?.(i) ?? null;
                          if (question) setAsking({ index: i, question });
                          else remove(i);
                        }}
                      >
                        Удалить
                      </Button>
                    ) : null}
                  </div>
                )}
              </div>
              {asking?.index === i ? (
                <div
                  role="group"
                  aria-label={`Удаление: ${name}`}
                  className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3"
                >
                  <p id={`${itemId(i)}-question`}>{asking.question}</p>
                  <div className="mt-2 flex gap-3">
                    <Button
                      kind="primary"
                      onClick={() => remove(i)}
                      aria-describedby={`${itemId(i)}-question`}
                      autoFocus
                    >
                      Да, удалить
                    </Button>
                    <Button kind="link" onClick={() => setAsking(null)}>
                      Отмена
                    </Button>
                  </div>
                </div>
              ) : null}
              <ProblemNote problems={problems} path={`${path}.${i}`} />
              <div className="mt-2 space-y-3">{renderItem(item, i, `${path}.${i}`)}</div>
            </li>
          );
        })}
      </ol>
      {readOnly ? null : addRefusal ? (
        <p className="text-slate-700">{addRefusal}</p>
      ) : (
        <Button kind="secondary" id={`${listId}-add`} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </section>
  );
}

/** A list of plain texts (applicant categories, legal acts, indicators, notes). */
export function StringListEditor({
  path,
  title,
  hint,
  items,
  itemNoun,
  addLabel,
  multiline = true,
  onChange,
  problems,
  readOnly,
  minItems,
  emptyText,
}: {
  path: string;
  title: string;
  hint?: ReactNode;
  items: readonly string[];
  /** «Категория», «Акт»: the item's name is «Категория 2». */
  itemNoun: string;
  addLabel: string;
  multiline?: boolean;
  /** `label` names the change for undo; `mutate` edits a copy of the list. */
  onChange: (label: string, mutate: (list: string[]) => void) => void;
  problems: DocumentProblem[];
  readOnly: boolean;
  minItems?: number;
  emptyText?: string;
}) {
  return (
    <ListEditor
      path={path}
      title={title}
      hint={hint}
      items={items}
      itemTitle={(_, i) => `${itemNoun} ${i + 1}`}
      addLabel={addLabel}
      minItems={minItems}
      emptyText={emptyText}
      problems={problems}
      readOnly={readOnly}
      onAdd={() => onChange(`${title}: добавлен пункт`, (list) => void list.push(""))}
      onRemove={(i) => onChange(`${title}: удалён пункт ${i + 1}`, (list) => void list.splice(i, 1))}
      itemAnchors={false}
      onMove={(i, delta) => onChange(`${title}: пункт ${i + 1} перемещён`, (list) => void moveItem(list, i, delta))}
      renderItem={(item, i, itemPath) => (
        <TextRow
          path={itemPath}
          label={`Текст: ${itemNoun.toLowerCase()} ${i + 1}`}
          value={item}
          multiline={multiline}
          rows={2}
          problems={problems}
          readOnly={readOnly}
          onChange={(v) => onChange(`${title}: изменён пункт ${i + 1}`, (list) => void (list[i] = v))}
        />
      )}
    />
  );
}
