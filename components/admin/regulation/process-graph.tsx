"use client";
// The drawing of the process (issue 10 p.2): stages as boxes (title, who answers for it, deadline),
// transitions as arrows with their titles, redrawn from the document at every change. Where the
// boxes go is process-layout.ts (pure, tested); this file only paints it. The initial stage has a
// double frame and «Начало»; final stages are coloured by their outcome and say it in words; stages
// nobody can leave or reach have a red dashed frame and say so (never colour alone). A box is a
// button: it takes the specialist to the stage's settings. The same content is listed as text under
// the drawing for screen readers and for anyone who prefers a list.
import { useId, useMemo } from "react";
import { OUTCOME_LABEL } from "@/components/ui/status";
import { focusById } from "@/components/ui/aria";
import { ROLE_LABEL, formatDuration, type RegulationDocument } from "@/server/regulation/document";
import { layoutProcess, wrapText, type LayoutNode } from "./process-layout";
import { editorId } from "./section-props";

type Process = Pick<RegulationDocument, "stages" | "transitions" | "initialStage">;

const OUTCOME_STYLE: Record<string, { fill: string; stroke: string }> = {
  granted: { fill: "#f0fdf4", stroke: "#15803d" },
  refused: { fill: "#fef2f2", stroke: "#b91c1c" },
  intake_refused: { fill: "#fff7ed", stroke: "#c2410c" },
  withdrawn: { fill: "#f1f5f9", stroke: "#475569" },
};

/** What a box says about the stage's deadline or its end. */
function deadlineText(stage: Process["stages"][number]): string {
  if (stage.final) return stage.outcome ? `Итог: ${OUTCOME_LABEL[stage.outcome]?.toLowerCase()}` : "Конечный этап";
  if (!stage.deadline) return "Срок не установлен";
  return `Срок: ${formatDuration(stage.deadline)}${stage.deadline.from === "registration" ? " от регистрации" : ""}`;
}

function flagText(node: LayoutNode): string | null {
  const flags = [node.stuck ? "нет выхода" : null, node.unreachable ? "недостижим" : null].filter(Boolean);
  return flags.length ? `⚠ ${flags.join(", ")}` : null;
}

/** A box's click: the stage's first control (its code) takes the focus, its box scrolled into view. */
export function focusStage(index: number) {
  if (!focusById(editorId(`stages.${index}.key`))) focusById(editorId(`stages.${index}`));
}

export function ProcessGraph({
  doc,
  onSelectStage = focusStage,
}: {
  doc: Process;
  onSelectStage?: (index: number) => void;
}) {
  const layout = useMemo(() => layoutProcess(doc), [doc]);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const arrowId = `${uid}-arrow`;
  const stageName = (key: string) => {
    const s = doc.stages.find((x) => x.key === key);
    return s ? `«${s.title || s.key}»` : `«${key}» (не существует)`;
  };
  const initial = doc.stages.find((s) => s.key === doc.initialStage);
  const finals = doc.stages.filter((s) => s.final);
  const flagged = layout.nodes.filter((n) => n.stuck || n.unreachable);

  return (
    <figure className="space-y-3" data-testid="process-graph">
      <div className="overflow-x-auto rounded border border-slate-300 bg-slate-50">
        <svg
          role="group"
          aria-labelledby={titleId}
          aria-describedby={descId}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="block"
          fontFamily="inherit"
        >
          <title id={titleId}>Схема процесса: этапы и переходы</title>
          <desc id={descId}>
            {`Этапов: ${doc.stages.length}, переходов: ${doc.transitions.length}. Начальный этап: ${initial ? `«${initial.title}»` : "не задан"}. Конечные этапы: ${finals.map((s) => `«${s.title}»`).join(", ") || "нет"}. Нажмите на этап, чтобы перейти к его настройкам. Переходы перечислены списком под схемой.`}
          </desc>
          <defs>
            <marker
              id={arrowId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#334155" />
            </marker>
          </defs>
          {layout.edges.map((e) => {
            const t = doc.transitions[e.index]!;
            return (
              <g key={`e${e.index}`} data-testid="graph-edge" data-key={e.key}>
                <title>{`${t.title} (${doc.stages[e.from]!.title} → ${doc.stages[e.to]!.title})`}</title>
                <path
                  d={e.path}
                  fill="none"
                  stroke="#334155"
                  strokeWidth={1.5}
                  strokeDasharray={e.kind === "forward" ? undefined : "6 4"}
                  markerEnd={`url(#${arrowId})`}
                />
                {/* Arrows through a side margin or a lane: their titles there take two short lines. */}
                {(e.kind === "forward" && e.labelAnchor === "middle"
                  ? wrapText(t.title || t.key, 28, 1)
                  : wrapText(t.title || t.key, 16, 2)
                ).map((line, k, lines) => (
                  <text
                    key={k}
                    x={e.labelX}
                    y={e.labelY + (k - (lines.length - 1) / 2) * 13}
                    textAnchor={e.labelAnchor}
                    dominantBaseline="middle"
                    fontSize={11}
                    fill="#1e293b"
                    stroke="#f8fafc"
                    strokeWidth={4}
                    paintOrder="stroke"
                  >
                    {line}
                  </text>
                ))}
              </g>
            );
          })}
          {layout.nodes.map((n) => {
            const s = doc.stages[n.index]!;
            const style = (s.final && s.outcome && OUTCOME_STYLE[s.outcome]) || { fill: "#ffffff", stroke: "#475569" };
            const flag = flagText(n);
            const title = wrapText(s.title || s.key, 31, 2);
            const roles = wrapText(
              s.responsibleRoles.map((r) => ROLE_LABEL[r]).join(", ") || "Ответственный не указан",
              36,
              1,
            );
            const label = [
              `Этап «${s.title || s.key}»`,
              n.initial ? "начальный" : null,
              deadlineText(s),
              flag ? flag.replace("⚠ ", "") : null,
              "перейти к настройкам",
            ]
              .filter(Boolean)
              .join(", ");
            return (
              <g key={`n${n.index}`} data-testid="graph-stage" data-key={n.key}>
                {n.initial ? (
                  <>
                    <text aria-hidden x={n.x} y={n.y - 8} fontSize={11} fontWeight={600} fill="#1e3a8a">
                      Начало
                    </text>
                    <rect
                      x={n.x - 4}
                      y={n.y - 4}
                      width={n.width + 8}
                      height={n.height + 8}
                      rx={9}
                      fill="none"
                      stroke="#1e3a8a"
                      strokeWidth={1.5}
                    />
                  </>
                ) : null}
                <rect
                  className="frame"
                  x={n.x}
                  y={n.y}
                  width={n.width}
                  height={n.height}
                  rx={6}
                  fill={style.fill}
                  stroke={flag ? "#b91c1c" : style.stroke}
                  strokeWidth={s.final || flag ? 2.5 : 1.5}
                  strokeDasharray={flag ? "6 3" : undefined}
                />
                {title.map((line, k) => (
                  <text
                    aria-hidden
                    key={k}
                    x={n.x + 10}
                    y={n.y + 20 + k * 15}
                    fontSize={12.5}
                    fontWeight={600}
                    fill="#0f172a"
                  >
                    {line}
                  </text>
                ))}
                <text aria-hidden x={n.x + 10} y={n.y + 58} fontSize={11} fill="#334155">
                  {roles[0]}
                </text>
                <text aria-hidden x={n.x + 10} y={n.y + 74} fontSize={11} fill="#334155">
                  {deadlineText(s)}
                </text>
                {flag ? (
                  <text aria-hidden x={n.x + 10} y={n.y + 93} fontSize={11} fontWeight={600} fill="#b91c1c">
                    {flag}
                  </text>
                ) : null}
                {/*
                  The button is a transparent cover over the box, named in full: the box's own texts
                  are cut to fit («…»), and a button whose visible text is not in its name confuses
                  speech input (axe: label-content-name-mismatch). The texts are hidden from screen
                  readers, which hear the name.
                */}
                <rect
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  x={n.x}
                  y={n.y}
                  width={n.width}
                  height={n.height}
                  rx={6}
                  fill="transparent"
                  stroke="none"
                  className="cursor-pointer focus:outline-none focus-visible:stroke-[#1d4ed8] focus-visible:stroke-[4]"
                  onClick={() => onSelectStage(n.index)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      onSelectStage(n.index);
                    }
                  }}
                />
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-slate-700">
        Двойная рамка и «Начало» — начальный этап; зелёная рамка — услуга предоставлена, красная — отказ; пунктирные
        стрелки — возврат на один из прежних этапов; красная пунктирная рамка со знаком ⚠ — этап, из которого нет
        выхода, или этап, в который нельзя попасть из начального.
      </figcaption>
      {flagged.length ? (
        <ul className="list-inside list-disc text-sm font-semibold text-red-700" data-testid="graph-flags">
          {flagged.map((n) => (
            <li key={n.index}>
              {`Этап ${stageName(n.key)}: ${[
                n.stuck ? "из него нет переходов, и он не конечный" : null,
                n.unreachable ? "в него нельзя попасть из начального этапа" : null,
              ]
                .filter(Boolean)
                .join("; ")}`}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 underline">Переходы списком</summary>
        {doc.transitions.length ? (
          <ol className="mt-2 list-inside list-decimal space-y-1" data-testid="graph-transition-list">
            {doc.transitions.map((t, i) => (
              <li key={i}>
                {`«${t.title || t.key}»: ${stageName(t.from)} → ${stageName(t.to)}; выполняет: ${t.roles.map((r) => ROLE_LABEL[r]).join(", ") || "не указано"}`}
                {layout.dangling.includes(i) ? <strong className="text-red-700"> — не показан на схеме</strong> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2">Переходов нет.</p>
        )}
      </details>
    </figure>
  );
}
