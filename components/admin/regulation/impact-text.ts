// The impact of a publication in words (issue 10 p.4): «3 черновика заявлений перейдут на новую
// редакцию 01.02.2027; 5 заявлений в работе останутся на редакции № 2». Pure, client-safe.
import { zonedFormat } from "@/components/ui/format";
import { countOf, plural } from "@/server/format/plural";
import type { PublishImpact } from "@/server/regulation/editions/data";

const SHORT = { day: "2-digit", month: "2-digit", year: "numeric" } as const;

/** «01.02.2027» in the municipality's zone: the dates of an act and of editions are written so. */
export const formatShortDate = (d: Date) => zonedFormat(SHORT).format(d);

/** The impact in words: «3 черновика заявлений перейдут на новую редакцию 01.02.2027; …». */
export function impactSentences(impact: PublishImpact, version: number): string[] {
  const date = formatShortDate(impact.effectiveFrom);
  const lines: string[] = [];
  lines.push(
    impact.drafts
      ? `${countOf(impact.drafts, ["черновик заявления", "черновика заявлений", "черновиков заявлений"])} ${plural(impact.drafts, ["перейдёт", "перейдут", "перейдут"])} на новую редакцию ${date}: каждый при следующем открытии`
      : "Черновиков заявлений по услуге нет",
  );
  if (impact.open.length)
    lines.push(
      impact.open
        .map(
          (o) =>
            `${countOf(o.count, ["заявление в работе", "заявления в работе", "заявлений в работе"])} ${plural(o.count, ["останется", "останутся", "останутся"])} на редакции № ${o.version}`,
        )
        .join("; "),
    );
  else lines.push("Заявлений в работе нет");
  for (const s of impact.scheduledBefore)
    lines.push(
      `Раньше вступит в силу уже опубликованная редакция № ${s.version} (${formatShortDate(s.effectiveFrom)}): черновики сначала перейдут на неё`,
    );
  for (const s of impact.scheduledAfter)
    lines.push(
      `Редакция № ${s.version} вступит в силу ${formatShortDate(s.effectiveFrom)} и заменит редакцию № ${version}`,
    );
  return lines;
}
